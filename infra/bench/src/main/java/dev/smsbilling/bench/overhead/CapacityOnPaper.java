package dev.smsbilling.bench.overhead;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.smsbilling.account.AccountHandler;
import dev.smsbilling.addfunds.AddFundsHandler;
import dev.smsbilling.autocharge.AutoChargeHandler;
import dev.smsbilling.bench.coldstart.launcher.MinimalContext;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.BillingTableDefinition;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.sendcharge.SendChargeHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The capacity each operation consumes, with each operation made by its function from its sample
 * event (the handler, its real store, a recording DynamoDB client): every call is kept with the
 * items it read and wrote, and priced by {@link CapacityRules}; what the endpoint itself reports
 * with ReturnConsumedCapacity=TOTAL is kept beside it.
 */
final class CapacityOnPaper {
    /** One operation as a function makes it, and its calls. */
    record Operation(String name, String how, List<CallRecorder.Call> calls, List<String> indexKeys) {
        double writeUnits() {
            return calls.stream().flatMap(c -> c.writes().stream())
                    .mapToDouble(w -> CapacityRules.writeUnits(CapacityRules.itemBytes(w.before()),
                            CapacityRules.itemBytes(w.after()), w.transactional()) + indexWrites(w))
                    .sum();
        }

        /** Index entries written or deleted: standard writes, made after the commit (KEYS_ONLY, under 1 KB). */
        double indexWrites(CallRecorder.Written w) {
            boolean before = hasAll(w.before());
            boolean after = hasAll(w.after());
            if (before != after) {
                return 1;
            }
            if (before && indexKeys.stream().anyMatch(k -> !w.before().get(k).equals(w.after().get(k)))) {
                return 2; // the entry moves: a delete and a put
            }
            return 0;
        }

        private boolean hasAll(Map<String, AttributeValue> item) {
            return item != null && indexKeys.stream().allMatch(item::containsKey);
        }

        double indexWriteUnits() {
            return calls.stream().flatMap(c -> c.writes().stream()).mapToDouble(this::indexWrites).sum();
        }

        double readUnits() {
            double units = 0;
            for (CallRecorder.Call call : calls) {
                if (call.read() == null) {
                    continue;
                }
                if (call.query()) {
                    units += CapacityRules.queryUnits(call.readBytes(), call.read());
                } else {
                    for (long bytes : call.readBytes()) {
                        units += CapacityRules.readUnits(bytes, call.read());
                    }
                }
            }
            return units;
        }

        /** What the endpoint reported, summed; null when it reported nothing for some call. */
        Double reported() {
            double sum = 0;
            for (CallRecorder.Call call : calls) {
                if (call.reportedUnits() == null) {
                    return null;
                }
                sum += call.reportedUnits();
            }
            return sum;
        }
    }

    private final DynamoDbEndpoint endpoint;
    private final DynamoDbClient admin;

    CapacityOnPaper(DynamoDbEndpoint endpoint, DynamoDbClient admin) {
        this.endpoint = endpoint;
        this.admin = admin;
    }

    List<Operation> run() {
        String table = Fixture.table(admin, "capacity");
        List<String> indexKeys = BillingTableDefinition.fromRepository().createRequest(table).globalSecondaryIndexes()
                .stream().flatMap(i -> i.keySchema().stream()).map(KeySchemaElement::attributeName).distinct().toList();
        CallRecorder recorder = CallRecorder.recording(key -> {
            Map<String, AttributeValue> item = admin.getItem(b -> b.tableName(key.table()).key(key.key())
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? null : item;
        });
        try (DynamoDbClient recorded = Fixture.client(endpoint, recorder)) {
            BillingStore store = new DynamoDbBillingStore(recorded, table, Clock.systemUTC());
            BillingStore setup = new DynamoDbBillingStore(admin, table, Clock.systemUTC());
            SandboxPaymentProcessor sandbox = new SandboxPaymentProcessor();
            SendChargeHandler send = new SendChargeHandler(Pricer.fromEnvironment(), store);
            AddFundsHandler addFunds = new AddFundsHandler(store, sandbox);
            AutoChargeHandler autoCharge = new AutoChargeHandler(store, sandbox, Clock.systemUTC());
            AccountHandler account = new AccountHandler(store);
            List<Operation> operations = new ArrayList<>();

            String sender = Fixture.account(setup, 10_000_000_000L);
            // Warm the account (a first send differs from the thousandth only in the ledger's length).
            for (int i = 0; i < 60; i++) {
                invoke(send, FunctionCall.event("send-message.json").account(sender).header("Idempotency-Key", "w" + UUID.randomUUID()));
            }
            recorder.drain();
            operations.add(record(recorder, indexKeys, "send, no Idempotency-Key", "send-charge, send-message.json without the key",
                    () -> invoke(send, FunctionCall.event("send-message.json").account(sender).header("Idempotency-Key", null))));
            operations.add(record(recorder, indexKeys, "send with Idempotency-Key", "send-charge, send-message.json, a new key",
                    () -> invoke(send, FunctionCall.event("send-message.json").account(sender).header("Idempotency-Key", "k" + UUID.randomUUID()))));
            operations.add(record(recorder, indexKeys, "send with key, replayed", "send-charge, the same key again (answered from the record)",
                    () -> {
                        String key = "r" + UUID.randomUUID();
                        invoke(send, FunctionCall.event("send-message.json").account(sender).header("Idempotency-Key", key));
                        recorder.drain();
                        return invoke(send, FunctionCall.event("send-message.json").account(sender).header("Idempotency-Key", key));
                    }));

            String crossing = Fixture.account(setup, 5_005_000L);
            setup.saveAutoChargeSettings(crossing, new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_visa")));
            operations.add(record(recorder, indexKeys, "send with key that crosses the auto-charge threshold",
                    "send-charge: the debit also marks the account due (index entry)",
                    () -> invoke(send, FunctionCall.event("send-message.json").account(crossing).header("Idempotency-Key", "c" + UUID.randomUUID()))));

            operations.add(record(recorder, indexKeys, "top-up (hold + credit)", "add-funds, add-funds.json, a new key (sandbox card)",
                    () -> invoke(addFunds, FunctionCall.event("add-funds.json").account(sender).header("Idempotency-Key", "f" + UUID.randomUUID()))));

            // The crossing account is due now: one run claims it and credits it.
            operations.add(record(recorder, indexKeys, "auto-charge (claim + credit)", "auto-charge, scheduled-auto-charge.json, one due account",
                    () -> invokeRaw(autoCharge, "scheduled-auto-charge.json")));
            String declining = Fixture.account(setup, 1_000_000L);
            setup.saveAutoChargeSettings(declining, new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_chargeDeclined")));
            operations.add(record(recorder, indexKeys, "auto-charge (claim + decline)", "auto-charge, one due account whose card declines",
                    () -> invokeRaw(autoCharge, "scheduled-auto-charge.json")));

            operations.add(record(recorder, indexKeys, "balance read", "account, balance.json",
                    () -> invoke(account, FunctionCall.event("balance.json").account(sender))));
            operations.add(record(recorder, indexKeys, "statement page (50 entries)", "account, transactions.json (limit=50)",
                    () -> invoke(account, FunctionCall.event("transactions.json").account(sender))));
            return operations;
        } finally {
            Fixture.drop(admin, table);
        }
    }

    private static Operation record(CallRecorder recorder, List<String> indexKeys, String name, String how,
                                    Supplier<String> action) {
        recorder.drain();
        String answer = action.get();
        System.err.println("[capacity] " + name + ": " + answer);
        return new Operation(name, how, recorder.drain(), indexKeys);
    }

    private static String invoke(RequestStreamHandler handler, FunctionCall call) {
        FunctionCall.Response response = call.invoke(new SendOverhead.Timed(handler));
        if (response.status() >= 300) {
            throw new IllegalStateException("answered " + response.status() + ": " + response.body());
        }
        return String.valueOf(response.status());
    }

    private static String invokeRaw(RequestStreamHandler handler, String event) {
        try {
            byte[] bytes = Files.readAllBytes(FunctionCall.eventsFolder().resolve(event));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(bytes), out, MinimalContext.quiet(60_000));
            return Objects.toString(out.toString(java.nio.charset.StandardCharsets.UTF_8), "").replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
