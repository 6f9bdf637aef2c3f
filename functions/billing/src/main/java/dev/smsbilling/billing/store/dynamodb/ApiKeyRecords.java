package dev.smsbilling.billing.store.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Which account an API key (by its hash) belongs to, and revoking it. */
final class ApiKeyRecords {
    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;

    ApiKeyRecords(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
    }

    Optional<String> accountFor(String apiKeyHash) {
        return Values.present(dynamo.getItem(reads.apiKey(apiKeyHash)).item())
                .filter(item -> !isRevoked(item))
                .map(item -> Values.string(item, Attributes.ACCOUNT_ID));
    }

    boolean revoke(String apiKeyHash) {
        try {
            dynamo.updateItem(writes.revokeApiKey(apiKeyHash));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static boolean isRevoked(Map<String, AttributeValue> item) {
        AttributeValue revoked = item.get(Attributes.REVOKED);
        return revoked == null || !Boolean.FALSE.equals(revoked.bool()); // fail closed on a damaged item
    }
}
