package dev.smsbilling.bench.overhead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Watches the DynamoDB requests a store makes, without changing the store. Two modes:
 * <ul>
 *   <li>counting (the throughput runs): how many transactions were sent and how many were
 *       cancelled, nothing else touched;</li>
 *   <li>recording (the capacity run): every request asks for {@code ReturnConsumedCapacity=TOTAL},
 *       and each call is kept with the items it read, and the items it wrote as they were just
 *       before and just after (fetched with {@code itemAt}, a client without this interceptor).</li>
 * </ul>
 */
public final class CallRecorder implements ExecutionInterceptor {
    private static final ExecutionAttribute<Map<Key, Map<String, AttributeValue>>> BEFORE =
            new ExecutionAttribute<>("bench.itemsBefore");

    final AtomicLong transactWrites = new AtomicLong();
    final AtomicLong transactWritesCancelled = new AtomicLong();
    final AtomicLong transactGets = new AtomicLong();
    final AtomicLong gets = new AtomicLong();
    /** Transactions sent by the current thread (a sync client runs its interceptors on the caller's thread). */
    private final ThreadLocal<long[]> threadWrites = ThreadLocal.withInitial(() -> new long[1]);
    /** Nanoseconds the current thread spent inside SDK calls, marshalling to unmarshalling. */
    private final ThreadLocal<long[]> threadSdkNanos = ThreadLocal.withInitial(() -> new long[1]);
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    private final Function<Key, Map<String, AttributeValue>> itemAt;
    private final List<Call> calls = new ArrayList<>();

    private CallRecorder(Function<Key, Map<String, AttributeValue>> itemAt) {
        this.itemAt = itemAt;
    }

    public static CallRecorder counting() {
        return new CallRecorder(null);
    }

    /** {@code itemAt}: the item of a key as the table holds it now (consistent read), or null. */
    public static CallRecorder recording(Function<Key, Map<String, AttributeValue>> itemAt) {
        return new CallRecorder(itemAt);
    }

    /** The key of a written item: table and primary key. */
    public record Key(String table, Map<String, AttributeValue> key) {
    }

    /** An item a call wrote, before and after; or read (before null). */
    public record Written(Key key, boolean transactional, Map<String, AttributeValue> before,
                          Map<String, AttributeValue> after) {
    }

    /**
     * One DynamoDB call: its operation, the items it wrote, the sizes of the items it read (with
     * the read's kind), and what the endpoint said it consumed (null when it said nothing).
     */
    public record Call(String operation, List<Written> writes, List<Long> readBytes, CapacityRules.Read read,
                       boolean query, Double reportedUnits) {
    }

    public synchronized List<Call> drain() {
        List<Call> drained = List.copyOf(calls);
        calls.clear();
        return drained;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (itemAt == null) {
            return request;
        }
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    long threadTransactWrites() {
        return threadWrites.get()[0];
    }

    long threadSdkNanos() {
        return threadSdkNanos.get()[0];
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        SdkRequest request = context.request();
        if (request instanceof TransactWriteItemsRequest) {
            transactWrites.incrementAndGet();
            threadWrites.get()[0]++;
        } else if (request instanceof TransactGetItemsRequest) {
            transactGets.incrementAndGet();
        } else if (request instanceof GetItemRequest) {
            gets.incrementAndGet();
        }
        if (itemAt == null) {
            return;
        }
        Map<Key, Map<String, AttributeValue>> before = new LinkedHashMap<>();
        for (Key key : writeTargets(request)) {
            before.put(key, itemAt.apply(key));
        }
        attributes.putAttribute(BEFORE, before);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        addSdkTime(attributes);
        if (itemAt == null) {
            return;
        }
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        Map<Key, Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
        boolean transactional = request instanceof TransactWriteItemsRequest;
        List<Written> writes = new ArrayList<>();
        if (before != null) {
            before.forEach((key, old) -> writes.add(new Written(key, transactional, old, itemAt.apply(key))));
        }
        List<Long> reads = new ArrayList<>();
        CapacityRules.Read read = null;
        boolean query = false;
        Double reported = null;
        if (response instanceof GetItemResponse r) {
            reads.add(CapacityRules.itemBytes(r.item()));
            read = Boolean.TRUE.equals(((GetItemRequest) request).consistentRead())
                    ? CapacityRules.Read.STRONG : CapacityRules.Read.EVENTUAL;
            reported = units(r.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse r) {
            r.responses().forEach(item -> reads.add(CapacityRules.itemBytes(item.item())));
            read = CapacityRules.Read.TRANSACTIONAL;
            reported = units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            r.items().forEach(item -> reads.add(CapacityRules.itemBytes(item)));
            read = Boolean.TRUE.equals(((QueryRequest) request).consistentRead())
                    ? CapacityRules.Read.STRONG : CapacityRules.Read.EVENTUAL;
            query = true;
            reported = units(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            reported = units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            reported = units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            reported = units(r.consumedCapacity());
        }
        String operation = request.getClass().getSimpleName().replace("Request", "");
        synchronized (this) {
            calls.add(new Call(operation, writes, reads, read, query, reported));
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        addSdkTime(attributes);
        if (context.exception() instanceof TransactionCanceledException) {
            transactWritesCancelled.incrementAndGet();
        }
        if (itemAt != null) {
            synchronized (this) {
                calls.add(new Call(context.request().getClass().getSimpleName().replace("Request", "") + " (failed: "
                        + context.exception().getClass().getSimpleName() + ")", List.of(), List.of(), null, false, null));
            }
        }
    }

    private void addSdkTime(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            threadSdkNanos.get()[0] += System.nanoTime() - started;
        }
    }

    private static Double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? null : capacity.capacityUnits();
    }

    private static Double units(List<ConsumedCapacity> capacities) {
        if (capacities == null || capacities.isEmpty()) {
            return null;
        }
        return capacities.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    private static List<Key> writeTargets(SdkRequest request) {
        List<Key> keys = new ArrayList<>();
        if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null) {
                    keys.add(new Key(item.put().tableName(), primaryKey(item.put().item())));
                } else if (item.update() != null) {
                    keys.add(new Key(item.update().tableName(), item.update().key()));
                } else if (item.delete() != null) {
                    keys.add(new Key(item.delete().tableName(), item.delete().key()));
                }
                // A ConditionCheck writes nothing (it is charged as a write, none is made here).
            }
        } else if (request instanceof PutItemRequest r) {
            keys.add(new Key(r.tableName(), primaryKey(r.item())));
        } else if (request instanceof UpdateItemRequest r) {
            keys.add(new Key(r.tableName(), r.key()));
        } else if (request instanceof DeleteItemRequest r) {
            keys.add(new Key(r.tableName(), r.key()));
        }
        return keys;
    }

    private static Map<String, AttributeValue> primaryKey(Map<String, AttributeValue> item) {
        return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
    }
}
