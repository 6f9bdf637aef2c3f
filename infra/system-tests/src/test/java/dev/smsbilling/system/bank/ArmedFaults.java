package dev.smsbilling.system.bank;

import dev.smsbilling.endpoint.FaultyEndpoint;
import dev.smsbilling.endpoint.FaultyEndpoint.Kind;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Hands the faults the calling invocation armed ({@link Faults}) to the wire: the store's real SDK
 * client names, in a header, the fault the {@link FaultyEndpoint} in front of the table is to
 * inject into this one request. The proxy fires it once, so the SDK's own retries of the request
 * go through as they would in AWS after such a fault (and meet DynamoDB's, or moto's, answer to
 * a request that may already have applied). Throttling and TransactionConflict are refused before
 * the table sees them (moto never answers either); a lost answer comes after the table applied it.
 */
final class ArmedFaults implements ExecutionInterceptor {
    private final InheritableThreadLocal<Faults> armed;
    private final Tally injected;

    ArmedFaults(InheritableThreadLocal<Faults> armed, Tally injected) {
        this.armed = armed;
        this.injected = injected;
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        Faults faults = armed.get();
        String fault = faults == null ? null : choose(faults, context.request());
        return fault == null ? context.httpRequest()
                : context.httpRequest().toBuilder().putHeader(FaultyEndpoint.FAULT_HEADER, fault + " " + UUID.randomUUID()).build();
    }

    private String choose(Faults faults, Object request) {
        if (request instanceof TransactWriteItemsRequest write) {
            if (Faults.take(faults.throttles)) {
                faults.fired(injected, "dynamodb.throttling", false);
                return Kind.THROTTLE.name();
            }
            if (Faults.take(faults.conflicts)) {
                faults.fired(injected, "dynamodb.transaction_conflict", false);
                return Kind.TRANSACTION_CONFLICT + ":" + ThreadLocalRandom.current().nextInt(write.transactItems().size());
            }
            if (faults.slowWriteReply.compareAndSet(true, false)) {
                faults.fired(injected, "dynamodb.write_answer_late", false);
                return Kind.APPLY_THEN_DELAY_ANSWER + ":" + Bank.LATE_ANSWER.toMillis();
            }
            if (faults.loseWriteReply.compareAndSet(true, false)) {
                // Not a failing fault any more: the store must find out what happened and say so.
                boolean dropped = ThreadLocalRandom.current().nextBoolean();
                faults.fired(injected, dropped ? "dynamodb.write_connection_dropped" : "dynamodb.write_answer_500", false);
                return (dropped ? Kind.APPLY_THEN_DROP_CONNECTION : Kind.APPLY_THEN_ANSWER_500).name();
            }
        }
        if (request instanceof TransactGetItemsRequest && Faults.take(faults.conflicts)) {
            faults.fired(injected, "dynamodb.read_conflict", false);
            return Kind.TRANSACTION_CONFLICT + ":0";
        }
        return null;
    }
}
