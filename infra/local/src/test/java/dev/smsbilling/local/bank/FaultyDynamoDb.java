package dev.smsbilling.local.bank;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB client the store is given: the real one, with the faults the calling invocation
 * armed (see {@link Faults}) injected around the real call. Throttling and TransactionConflict are
 * answered before the call (moto never returns them); a lost reply after it, so the write is in
 * the table and the caller does not know.
 */
final class FaultyDynamoDb implements InvocationHandler {
    /** A write that went through but whose caller heard an error: what the table got, for the audit. */
    record LostWrite(String accountPk, String entryId, String type, String messageId, boolean keyed) {
    }

    private final DynamoDbClient real;
    private final InheritableThreadLocal<Faults> armed;
    private final Tally injected;
    private final List<LostWrite> lostWrites = new CopyOnWriteArrayList<>();

    private FaultyDynamoDb(DynamoDbClient real, InheritableThreadLocal<Faults> armed, Tally injected) {
        this.real = real;
        this.armed = armed;
        this.injected = injected;
    }

    static FaultyDynamoDb around(DynamoDbClient real, InheritableThreadLocal<Faults> armed, Tally injected) {
        return new FaultyDynamoDb(real, armed, injected);
    }

    DynamoDbClient client() {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, this);
    }

    List<LostWrite> lostWrites() {
        return List.copyOf(lostWrites);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Faults faults = armed.get();
        Object request = args != null && args.length == 1 ? args[0] : null;
        if (faults != null && request instanceof TransactWriteItemsRequest write) {
            if (faults.throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw throttled(faults);
            }
            if (faults.conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                faults.fired(injected, "dynamodb.transaction_conflict", false);
                throw conflict(write.transactItems().size());
            }
            Object reply = call(method, args);
            if (faults.loseWriteReply.compareAndSet(true, false)) {
                lostWrites.add(lost(write));
                faults.fired(injected, "dynamodb.write_reply_lost", true);
                throw SdkClientException.create("injected: the write went through but its reply was lost (read timed out)");
            }
            return reply;
        }
        if (faults != null && request instanceof TransactGetItemsRequest read
                && faults.conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            faults.fired(injected, "dynamodb.read_conflict", false);
            throw conflict(read.transactItems().size());
        }
        return call(method, args);
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private DynamoDbException throttled(Faults faults) {
        if (ThreadLocalRandom.current().nextBoolean()) {
            faults.fired(injected, "dynamodb.provisioned_throughput_exceeded", false);
            return ProvisionedThroughputExceededException.builder()
                    .message("injected: The level of configured provisioned throughput for the table was exceeded.")
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                            .serviceName("DynamoDb").build())
                    .build();
        }
        faults.fired(injected, "dynamodb.throttling", false);
        return (DynamoDbException) DynamoDbException.builder()
                .message("injected: Rate of requests exceeds the allowed throughput.")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").serviceName("DynamoDb").build())
                .build();
    }

    private static TransactionCanceledException conflict(int items) {
        List<CancellationReason> reasons = new ArrayList<>(items);
        int conflicted = ThreadLocalRandom.current().nextInt(items);
        for (int i = 0; i < items; i++) {
            reasons.add(i == conflicted
                    ? CancellationReason.builder().code("TransactionConflict")
                            .message("Transaction is ongoing for the item").build()
                    : CancellationReason.builder().code("None").build());
        }
        return (TransactionCanceledException) TransactionCanceledException.builder()
                .message("injected: Transaction cancelled, please refer cancellation reasons for specific reasons")
                .cancellationReasons(reasons)
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").serviceName("DynamoDb").build())
                .build();
    }

    private static LostWrite lost(TransactWriteItemsRequest write) {
        String pk = null;
        String entryId = null;
        String type = null;
        String messageId = null;
        boolean keyed = false;
        for (TransactWriteItem item : write.transactItems()) {
            if (item.put() == null) {
                continue;
            }
            Map<String, AttributeValue> put = item.put().item();
            String sk = put.get("sk").s();
            if (sk.startsWith("TX#")) {
                pk = put.get("pk").s();
                entryId = put.get("id").s();
                type = put.get("type").s();
                messageId = put.containsKey("messageId") ? put.get("messageId").s() : null;
            } else if (sk.startsWith("IDEMPOTENCY#")) {
                keyed = true;
            }
        }
        return new LostWrite(pk, entryId, type, messageId, keyed);
    }
}
