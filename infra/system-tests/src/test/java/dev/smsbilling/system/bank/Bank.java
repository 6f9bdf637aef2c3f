package dev.smsbilling.system.bank;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.account.AccountHandler;
import dev.smsbilling.addfunds.AddFundsHandler;
import dev.smsbilling.autocharge.AutoChargeHandler;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.endpoint.FaultyEndpoint;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.sendcharge.SendChargeHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The system under test, wired as Lambda would wire it but with the test's seams: one store on
 * the faulty DynamoDB client and the bank's clock, the real handlers, the faulty processor.
 */
final class Bank {
    final TestTable table;
    final BankClock clock = new BankClock(Instant.parse("2026-11-27T10:00:00Z"));
    final InheritableThreadLocal<Faults> armed = new InheritableThreadLocal<>();
    final Tally injected = new Tally();
    final Tally processorCalls = new Tally();
    /** Between the store and the table, on the wire: see {@link ArmedFaults}. */
    final FaultyEndpoint wire;
    final FaultyProcessor processor;
    final BillingStore store;
    final Pricer pricer = Pricer.fromEnvironment();
    final SendChargeHandler send;
    final AddFundsHandler funds;
    final AutoChargeHandler autoCharge;
    /** The functions' own patience with one DynamoDB attempt (billing.runtime.SdkClients), kept short here so a late answer costs seconds. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    /** A late answer comes after the attempt gave up: the SDK resends (same token; moto ignores it) and the store must tell. */
    static final Duration LATE_ANSWER = ATTEMPT_TIMEOUT.plusMillis(800);
    final AccountHandler account;
    final Invocations calls = new Invocations();
    final List<String> accountIds = new CopyOnWriteArrayList<>();

    Bank(TestTable table) {
        this.table = table;
        this.wire = FaultyEndpoint.inFrontOf(table.endpoint().uri());
        DynamoDbClient faulty = new DynamoDbEndpoint(wire.uri(), "fault-injecting proxy")
                .client(c -> c.addExecutionInterceptor(new ArmedFaults(armed, injected)).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        this.store = new DynamoDbBillingStore(faulty, table.name(), clock);
        this.processor = new FaultyProcessor(armed, injected, processorCalls, this::crossingOf);
        this.send = new SendChargeHandler(pricer, store);
        this.funds = new AddFundsHandler(store, processor);
        this.autoCharge = new AutoChargeHandler(store, processor, clock);
        this.account = new AccountHandler(store);
    }

    /** A write the table applied whose answer was lost: what it wrote, for the audit. */
    record LostWrite(String accountPk, String entryId, String type, String messageId, boolean keyed) {
    }

    List<LostWrite> lostWrites() {
        List<LostWrite> lost = new ArrayList<>();
        for (JsonNode request : wire.appliedUnanswered()) {
            String pk = null;
            String entryId = null;
            String type = null;
            String messageId = null;
            boolean keyed = false;
            for (JsonNode item : request.path("TransactItems")) {
                JsonNode put = item.path("Put").path("Item");
                String sk = put.path("sk").path("S").asText("");
                if (sk.startsWith("TX#")) {
                    pk = put.path("pk").path("S").asText();
                    entryId = put.path("id").path("S").asText();
                    type = put.path("type").path("S").asText();
                    messageId = put.has("messageId") ? put.path("messageId").path("S").asText() : null;
                } else if (sk.startsWith("IDEMPOTENCY#")) {
                    keyed = true;
                }
            }
            if (entryId != null) {
                lost.add(new LostWrite(pk, entryId, type, messageId, keyed));
            }
        }
        return lost;
    }

    /** The raw client, past every fault: what the audit and the oracle read with. */
    DynamoDbClient raw() {
        return table.client();
    }

    Map<String, AttributeValue> accountItem(String accountId) {
        return raw().getItem(b -> b.tableName(table.name()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#" + accountId), "sk", AttributeValue.fromS("ACCOUNT")))).item();
    }

    /** Which account's claimed crossing this auto-charge key is (the claim names it on the item). */
    private Optional<FaultyProcessor.Crossing> crossingOf(String chargeKey) {
        for (String id : accountIds) {
            Map<String, AttributeValue> item = accountItem(id);
            AttributeValue pending = item.get("pendingChargeKey");
            if (pending != null && chargeKey.equals(pending.s())) {
                return Optional.of(new FaultyProcessor.Crossing(id, item.get("dueId").s(),
                        item.containsKey("dueAttempt") ? item.get("dueAttempt").n() : "?"));
            }
        }
        return Optional.empty();
    }
}
