package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.ResponseRenderer;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.billing.testing.TestAccounts;
import dev.smsbilling.billing.testing.WholeLedger;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store on a test's real table, and what every storage test needs around it. */
final class StoreFixture {
    /** Renders what a handler would: the entry's identity and balance, so replays can be compared. */
    static final ResponseRenderer RENDERER = entry -> new StoredResponse(
            entry.type().isCredit() ? 201 : 202,
            "{\"data\":{\"transactionId\":\"" + entry.id() + "\",\"seq\":" + entry.seq()
                    + ",\"amountMicros\":" + entry.amountMicros()
                    + ",\"balanceAfterMicros\":" + entry.balanceAfterMicros()
                    + ",\"createdAt\":\"" + Timestamps.format(entry.createdAt()) + "\"}}");

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:15:30.123Z"));
    final BillingStore store;

    private final TestTable table;

    StoreFixture(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
    }

    String tableName() {
        return table.name();
    }

    /** The table itself, past the store: for items the store no longer writes (an older version's). */
    TestTable table() {
        return table;
    }

    String openAccount(long fundsMicros) {
        return openAccount(Subscription.ACTIVE, fundsMicros);
    }

    String openAccount(Subscription subscription, long fundsMicros) {
        return new TestAccounts(store).open(subscription, fundsMicros);
    }

    DebitResult debit(String accountId, long costMicros) {
        return debit(accountId, costMicros, Optional.empty());
    }

    DebitResult debit(String accountId, long costMicros, Optional<Idempotency> key) {
        return debitThrough(store, accountId, costMicros, key);
    }

    /** The same debit through another store on this table (one whose client meets injected faults). */
    DebitResult debitThrough(BillingStore other, String accountId, long costMicros, Optional<Idempotency> key) {
        return other.debit(accountId, charge(costMicros), key, RENDERER, TestAccounts.generous());
    }

    /** A message of one segment at the given price, as the pricing jar would quote it. */
    static MessageCharge charge(long costMicros) {
        return new MessageCharge("+447400123456", "+14155550100", 1, "GB", costMicros, "GSM-7", costMicros, "2026-11-01");
    }

    long balance(String accountId) {
        return store.readAccount(accountId).orElseThrow().balanceMicros();
    }

    /** The whole ledger, oldest first, read through the public paging API. */
    List<LedgerEntry> ledger(String accountId) {
        return WholeLedger.oldestFirst(store, accountId);
    }

    /** Gapless 1..N, each balance-after the running sum, and the sum equal to the balance. */
    void assertLedgerConsistent(String accountId) {
        List<LedgerEntry> ledger = ledger(accountId);
        long running = 0;
        for (int i = 0; i < ledger.size(); i++) {
            LedgerEntry entry = ledger.get(i);
            running = Math.addExact(running, entry.amountMicros());
            assertThat(entry.seq()).as("seq of entry %d", i + 1).isEqualTo(i + 1);
            assertThat(entry.balanceAfterMicros()).as("balance after entry %d", i + 1).isEqualTo(running);
            assertThat(entry.balanceAfterMicros()).isNotNegative();
        }
        Account account = store.readAccount(accountId).orElseThrow();
        assertThat(account.balanceMicros()).as("balance = sum of the ledger").isEqualTo(running);
        assertThat(account.seq()).as("seq = number of ledger entries").isEqualTo(ledger.size());
    }

    static Idempotency key(String key, String request) {
        return new Idempotency(key, Sha256.hex(request));
    }
}
