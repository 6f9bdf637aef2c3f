package dev.smsbilling.billing.store;

import static dev.smsbilling.billing.store.Values.n;
import static dev.smsbilling.billing.store.Values.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds every write request of the project from {@link Expressions}. Each conditional write asks
 * for the old item on failure (ALL_OLD), which spares a read when deciding what a failure meant.
 */
final class WriteRequests {
    /** Positions in a balance-change transaction, which its cancellation reasons follow. */
    static final int ACCOUNT = 0;
    static final int LEDGER = 1;
    static final int IDEMPOTENCY = 2;

    private static final ReturnValuesOnConditionCheckFailure ALL_OLD = ReturnValuesOnConditionCheckFailure.ALL_OLD;

    private final String tableName;

    WriteRequests(String tableName) {
        this.tableName = tableName;
    }

    TransactWriteItemsRequest createAccount(Account account, String apiKeyHash) {
        Put accountPut = Put.builder().tableName(tableName).item(AccountItems.toItem(account))
                .conditionExpression(Expressions.IS_NEW).build();
        Put keyPut = Put.builder().tableName(tableName)
                .item(AccountItems.apiKeyItem(apiKeyHash, account.id(), Timestamps.format(account.createdAt())))
                .conditionExpression(Expressions.IS_NEW).build();
        return TransactWriteItemsRequest.builder()
                .transactItems(TransactWriteItem.builder().put(accountPut).build(),
                        TransactWriteItem.builder().put(keyPut).build())
                .build();
    }

    /**
     * One balance change, all or nothing: the account (guarded by the seq that was read), the
     * ledger entry that seq makes next, and the completed idempotency record when there is a key.
     * A fresh ClientRequestToken per attempt lets the SDK's own retries of this exact request
     * (after a timeout) be recognised by DynamoDB instead of applied twice.
     */
    TransactWriteItemsRequest balanceChange(String accountId, long readSeq, LedgerEntry entry,
                                            Optional<Idempotency> idempotency, StoredResponse response, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        items.add(TransactWriteItem.builder().update(accountUpdate(accountId, readSeq, entry)).build());
        items.add(TransactWriteItem.builder().put(ledgerPut(accountId, entry)).build());
        idempotency.ifPresent(key -> items.add(TransactWriteItem.builder()
                .put(completeIdempotency(accountId, key, response, now)).build()));
        return TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(UUID.randomUUID().toString())
                .build();
    }

    Update accountUpdate(String accountId, long readSeq, LedgerEntry entry) {
        long nextSeq = Math.addExact(readSeq, 1);
        if (entry.seq() != nextSeq) {
            throw new IllegalArgumentException("entry " + entry.seq() + " does not follow seq " + readSeq);
        }
        boolean debit = !entry.type().isCredit();
        String condition = debit ? Expressions.DEBIT_CONDITION : Expressions.CREDIT_CONDITION;
        String update = debit ? Expressions.DEBIT_UPDATE : Expressions.CREDIT_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":readSeq", n(readSeq));
        values.put(":nextSeq", n(nextSeq));
        values.put(":amount", n(Math.absExact(entry.amountMicros())));
        if (debit) {
            values.put(":active", s(Subscription.ACTIVE.wireValue()));
        }
        return Update.builder().tableName(tableName).key(Keys.account(accountId))
                .conditionExpression(condition)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(condition, update))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    Put ledgerPut(String accountId, LedgerEntry entry) {
        return Put.builder().tableName(tableName).item(LedgerItems.toItem(accountId, entry))
                .conditionExpression(Expressions.IS_NEW)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    Put completeIdempotency(String accountId, Idempotency idempotency, StoredResponse response, Instant now) {
        String condition = Expressions.IDEMPOTENCY_COMPLETE_CONDITION;
        return Put.builder().tableName(tableName)
                .item(IdempotencyItems.completed(accountId, idempotency, response, now))
                .conditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(
                        ":nowSeconds", n(now.getEpochSecond()),
                        ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()),
                        ":requestHash", s(idempotency.requestHash())))
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    PutItemRequest beginIdempotency(String accountId, Idempotency idempotency, Instant now, Instant holdUntil) {
        String condition = Expressions.IDEMPOTENCY_BEGIN_CONDITION;
        return PutItemRequest.builder().tableName(tableName)
                .item(IdempotencyItems.inProgress(accountId, idempotency, now, holdUntil))
                .conditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(
                        ":nowSeconds", n(now.getEpochSecond()),
                        ":nowMillis", n(now.toEpochMilli()),
                        ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()),
                        ":requestHash", s(idempotency.requestHash())))
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    DeleteItemRequest releaseIdempotency(String accountId, Idempotency idempotency) {
        String condition = Expressions.IDEMPOTENCY_RELEASE_CONDITION;
        return DeleteItemRequest.builder().tableName(tableName)
                .key(Keys.idempotency(accountId, idempotency.key()))
                .conditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(
                        ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()),
                        ":requestHash", s(idempotency.requestHash())))
                .build();
    }

    UpdateItemRequest setSubscription(String accountId, Subscription subscription) {
        String update = Expressions.SET_SUBSCRIPTION;
        return UpdateItemRequest.builder().tableName(tableName).key(Keys.account(accountId))
                .conditionExpression(Expressions.EXISTS)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(update))
                .expressionAttributeValues(Map.of(":subscription", s(subscription.wireValue())))
                .build();
    }

    /** ALL_NEW: the saved state comes back with the write, no second read. */
    UpdateItemRequest saveAutoCharge(String accountId, AutoChargeSettings settings, Instant now) {
        String update = Expressions.SAVE_AUTO_CHARGE;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":enabled", AttributeValue.fromBool(settings.enabled()));
        values.put(":threshold", n(settings.thresholdMicros()));
        values.put(":amount", n(settings.amountMicros()));
        values.put(":paymentMethod", settings.paymentMethod().map(Values::s).orElse(AttributeValue.fromNul(true)));
        values.put(":ok", s(AutoChargeStatus.OK.wireValue()));
        values.put(":zero", n(0));
        values.put(":now", s(Timestamps.format(now)));
        return UpdateItemRequest.builder().tableName(tableName).key(Keys.account(accountId))
                .conditionExpression(Expressions.EXISTS)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(update))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW)
                .build();
    }

    UpdateItemRequest revokeApiKey(String apiKeyHash) {
        String update = Expressions.REVOKE_API_KEY;
        return UpdateItemRequest.builder().tableName(tableName).key(Keys.apiKey(apiKeyHash))
                .conditionExpression(Expressions.EXISTS)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(update))
                .expressionAttributeValues(Map.of(":revoked", AttributeValue.fromBool(true)))
                .build();
    }
}
