package dev.smsbilling.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.FaultyEndpoint;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Records, from the wire, the IAM actions the requests to DynamoDB need, through a proxy with no
 * faults armed: a transaction is authorised by the actions of its parts (TransactWriteItems' Put,
 * Update, Delete and ConditionCheck are PutItem, UpdateItem, DeleteItem and ConditionCheckItem;
 * TransactGetItems' Gets are GetItem), everything else by its operation's name. Reads of an index
 * are recorded too, since they need the index's ARN.
 */
final class DynamoDbRecorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> grants = new ConcurrentSkipListSet<>();
    private final FaultyEndpoint proxy;

    private DynamoDbRecorder(URI target) {
        this.proxy = FaultyEndpoint.inFrontOf(target, this::record);
    }

    static DynamoDbRecorder start(URI target) {
        return new DynamoDbRecorder(target);
    }

    URI uri() {
        return proxy.uri();
    }

    /**
     * What IAM must allow, as "action on resource": "dynamodb:GetItem on table", or
     * "dynamodb:Query on table/index/auto-charge-due" for a read of an index (whose ARN is the
     * table's followed by /index/name).
     */
    Set<String> grants() {
        return new TreeSet<>(grants);
    }

    private void record(String operation, byte[] body) throws IOException {
        if (operation.isEmpty()) {
            return;
        }
        JsonNode request = JSON.readTree(body);
        List<String> needed = new ArrayList<>();
        switch (operation) {
            case "TransactWriteItems" -> request.path("TransactItems").forEach(item -> item.fieldNames().forEachRemaining(part ->
                    needed.add("dynamodb:" + (part.equals("ConditionCheck") ? "ConditionCheckItem" : part + "Item"))));
            case "TransactGetItems" -> request.path("TransactItems").forEach(item -> needed.add("dynamodb:GetItem"));
            default -> needed.add("dynamodb:" + operation);
        }
        String resource = request.hasNonNull("IndexName") ? "table/index/" + request.get("IndexName").asText() : "table";
        for (String action : needed) {
            grants.add(action + " on " + resource);
        }
    }

    @Override
    public void close() {
        proxy.close();
    }
}
