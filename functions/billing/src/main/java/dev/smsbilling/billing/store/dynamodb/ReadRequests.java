package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.Timestamps;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;

/** Builds every read. Reads that a money decision rests on are strongly consistent. */
final class ReadRequests {
    private final String tableName;

    ReadRequests(String tableName) {
        this.tableName = tableName;
    }

    GetItemRequest account(String accountId) {
        return GetItemRequest.builder().tableName(tableName).key(Keys.account(accountId)).consistentRead(true).build();
    }

    /** The account and a key's record as one snapshot: the decision needs both as of one moment. */
    TransactGetItemsRequest accountAndIdempotency(String accountId, Idempotency idempotency) {
        return TransactGetItemsRequest.builder().transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(tableName)
                        .key(Keys.account(accountId)).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(tableName)
                        .key(Keys.idempotency(accountId, idempotency.key())).build()).build())
                .build();
    }

    /**
     * A page of due accounts, oldest crossing first. Index reads are eventually consistent (a
     * GSI has no other kind): the claim re-reads each account strongly before acting on it.
     */
    QueryRequest dueAccounts(Map<String, AttributeValue> exclusiveStartKey, int limit) {
        String condition = Expressions.DUE_ACCOUNTS;
        return QueryRequest.builder().tableName(tableName).indexName(DueIndex.NAME)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(":dueBucket", s(DueIndex.BUCKET)))
                .exclusiveStartKey(exclusiveStartKey)
                .scanIndexForward(true).limit(limit).build();
    }

    /** A page of unsettled top-up holds, oldest charge first; eventually consistent, so the sweep's takeover decides. */
    QueryRequest unsettledTopUps(Instant before, Map<String, AttributeValue> exclusiveStartKey, int limit) {
        String condition = Expressions.UNSETTLED_TOP_UPS;
        return QueryRequest.builder().tableName(tableName).indexName(UnsettledIndex.NAME)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(":unsettledBucket", s(UnsettledIndex.BUCKET),
                        ":before", s(Timestamps.format(before))))
                .exclusiveStartKey(exclusiveStartKey)
                .scanIndexForward(true).limit(limit).build();
    }

    GetItemRequest idempotency(String accountId, String idempotencyKey) {
        return GetItemRequest.builder().tableName(tableName)
                .key(Keys.idempotency(accountId, idempotencyKey)).consistentRead(true).build();
    }

    /** Consistent, because a revoked key must stop working at once. */
    GetItemRequest payment(String paymentReference) {
        return GetItemRequest.builder().tableName(tableName).key(Keys.payment(paymentReference)).consistentRead(true).build();
    }

    /** The entry at one seq, to learn whether a write whose reply was lost is the one there. */
    GetItemRequest ledgerEntry(String accountId, long seq) {
        return GetItemRequest.builder().tableName(tableName).key(Keys.ledgerEntry(accountId, seq)).consistentRead(true).build();
    }

    GetItemRequest apiKey(String apiKeyHash) {
        return GetItemRequest.builder().tableName(tableName).key(Keys.apiKey(apiKeyHash)).consistentRead(true).build();
    }

    QueryRequest newestLedgerEntries(String accountId, int limit) {
        return QueryRequest.builder().tableName(tableName)
                .keyConditionExpression(Expressions.LEDGER_NEWEST)
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.accountPk(accountId)),
                        ":ledgerPrefix", s(Keys.LEDGER_PREFIX)))
                .scanIndexForward(false).limit(limit).consistentRead(true).build();
    }

    /** Entries older than {@code beforeSeq}, newest first; a range so no other item kind can slip in. */
    QueryRequest ledgerEntriesBefore(String accountId, long beforeSeq, int limit) {
        return QueryRequest.builder().tableName(tableName)
                .keyConditionExpression(Expressions.LEDGER_RANGE)
                .expressionAttributeValues(Map.of(
                        ":pk", s(Keys.accountPk(accountId)),
                        ":first", s(Keys.ledgerSk(1)),
                        ":last", s(Keys.ledgerSk(beforeSeq - 1))))
                .scanIndexForward(false).limit(limit).consistentRead(true).build();
    }
}
