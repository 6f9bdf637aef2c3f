package dev.smsbilling.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/billing/transactions, from events/transactions.json, against a real table. */
@RealDynamoDb
class TransactionsRouteTest {
    private final BillingStore store;
    private final AccountHandler handler;
    private final Ledger ledger;

    TransactionsRouteTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.handler = new AccountHandler(store);
        this.ledger = new Ledger(store);
    }

    @Test
    void theSampleEventListsTheStatementNewestFirstWithEachTypesFields() {
        String account = ledger.open(0);
        ledger.addFunds(account, 5_000_000, "ch_first");
        ledger.sendToGreatBritain(account);

        FunctionCall.Response response = FunctionCall.event("transactions.json").account(account).invoke(handler);

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.data();
        assertThat(data).hasSize(2);
        JsonNode charge = data.get(0);
        assertThat(charge.get("id").textValue()).startsWith("TX");
        assertThat(charge.get("type").textValue()).isEqualTo("message_charge");
        assertThat(charge.get("amountMicros").longValue()).isEqualTo(-100_000);
        assertThat(charge.get("balanceAfterMicros").longValue()).isEqualTo(4_900_000);
        assertThat(charge.get("messageId").textValue()).startsWith("AC");
        assertThat(charge.get("segments").intValue()).isEqualTo(2);
        assertThat(charge.get("country").textValue()).isEqualTo("GB");
        assertThat(charge.get("perSegmentMicros").longValue()).isEqualTo(50_000);
        assertThat(charge.get("costMicros").longValue()).isEqualTo(100_000);
        assertThat(charge.get("to").textValue()).isEqualTo("+447400123456");
        assertThat(charge.get("encoding").textValue()).isEqualTo("GSM-7");
        assertThat(charge.get("rateTableVersion").textValue()).isEqualTo("2026-11-01");
        assertThat(charge.get("status").textValue()).isEqualTo("queued");
        assertThat(charge.get("createdAt").textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode funds = data.get(1);
        assertThat(funds.get("type").textValue()).isEqualTo("funds_added");
        assertThat(funds.get("amountMicros").longValue()).isEqualTo(5_000_000);
        assertThat(funds.get("paymentReference").textValue()).isEqualTo("ch_first");
        assertThat(funds.has("messageId")).isFalse();
        assertThat(response.json().has("nextCursor")).isTrue();
        assertThat(response.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagesFollowEachOtherNewestFirstAndAddUpToTheBalance() {
        String account = ledger.open(0);
        for (int i = 1; i <= 5; i++) {
            ledger.addFunds(account, i * 1_000_000L, "ch_" + i);
        }

        List<String> references = new ArrayList<>();
        long sum = 0;
        String cursor = null;
        int pages = 0;
        do {
            FunctionCall call = FunctionCall.event("transactions.json").account(account).query("limit", "2");
            FunctionCall.Response page = (cursor == null ? call : call.query("cursor", cursor)).invoke(handler);
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode line : page.data()) {
                references.add(line.get("paymentReference").textValue());
                sum += line.get("amountMicros").longValue();
            }
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.textValue();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(references).containsExactly("ch_5", "ch_4", "ch_3", "ch_2", "ch_1");
        assertThat(sum).isEqualTo(store.readAccount(account).orElseThrow().balanceMicros()).isEqualTo(15_000_000);
    }

    @Test
    void theDefaultLimitIs50() {
        String account = ledger.open(0);
        for (int i = 0; i < 51; i++) {
            ledger.addFunds(account, 10_000, "ch_page_" + i);
        }

        FunctionCall.Response page = FunctionCall.event("transactions.json").account(account).query("limit", null).invoke(handler);

        assertThat(page.data()).hasSize(50);
        assertThat(page.json().get("nextCursor").isTextual()).isTrue();
    }

    @Test
    void anotherAccountNeverSeesThisLedgerNorPagesWithItsCursor() {
        String a = ledger.open(0);
        String b = ledger.open(0);
        for (int i = 0; i < 3; i++) {
            ledger.addFunds(a, 1_000_000, "ch_a" + i);
        }
        ledger.addFunds(b, 2_000_000, "ch_b");
        String cursorOfA = FunctionCall.event("transactions.json").account(a).query("limit", "1").invoke(handler)
                .json().get("nextCursor").textValue();

        FunctionCall.Response bOwn = FunctionCall.event("transactions.json").account(b).invoke(handler);
        FunctionCall.Response bWithCursorOfA = FunctionCall.event("transactions.json").account(b)
                .query("cursor", cursorOfA).invoke(handler);

        assertThat(bOwn.data()).singleElement().satisfies(line ->
                assertThat(line.get("paymentReference").textValue()).isEqualTo("ch_b"));
        assertThat(bWithCursorOfA.status()).isEqualTo(400);
        assertThat(bWithCursorOfA.json().get("errors").get(0).get("path").textValue()).isEqualTo("cursor");
        assertThat(bWithCursorOfA.body()).doesNotContain("ch_a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "1.5", "abc", "", "1e2", "00000000001", "50,50", " 5"})
    void aBadLimitIs400AtLimit(String limit) {
        FunctionCall.Response response = FunctionCall.event("transactions.json").account(ledger.open(0))
                .query("limit", limit).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("path").textValue()).isEqualTo("limit");
    }

    @Test
    void theLimitsOfLimitAreAccepted() {
        String account = ledger.open(0);
        assertThat(FunctionCall.event("transactions.json").account(account).query("limit", "1").invoke(handler).status()).isEqualTo(200);
        assertThat(FunctionCall.event("transactions.json").account(account).query("limit", "100").invoke(handler).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "djEuMS4wMDAwMDAwMDAwMDAwMDAw", "%%%", "v1.5.0123456789abcdef"})
    void aBadCursorIs400AtCursor(String cursor) {
        String account = ledger.open(0);
        ledger.addFunds(account, 1_000_000, "ch_single_" + account);

        FunctionCall.Response response = FunctionCall.event("transactions.json").account(account)
                .query("cursor", cursor).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("path").textValue()).isEqualTo("cursor");
    }

    @Test
    void aHugeCursorIs400() {
        FunctionCall.Response response = FunctionCall.event("transactions.json").account(ledger.open(0))
                .query("cursor", "A".repeat(10_000)).invoke(handler);

        assertThat(response.status()).isEqualTo(400);
    }

}
