package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.Timestamps;
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
     * ledger entry that seq makes next, the completed idempotency record when there is a key,
     * and for a credit of a payment its guard, which exists once per payment reference for ever.
     * A fresh ClientRequestToken per attempt lets the SDK's own retries of this exact request
     * (after a timeout) be recognised by DynamoDB instead of applied twice.
     */
    TransactWriteItemsRequest balanceChange(String accountId, long readSeq, LedgerEntry entry,
                                            Optional<Idempotency> idempotency, StoredResponse response, Instant now) {
        return balanceChange(accountId, readSeq, entry, AutoChargeEffect.NONE, idempotency, response, now);
    }

    TransactWriteItemsRequest balanceChange(String accountId, long readSeq, LedgerEntry entry, AutoChargeEffect effect,
                                            Optional<Idempotency> idempotency, StoredResponse response, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>(3);
        items.add(TransactWriteItem.builder().update(accountUpdate(accountId, readSeq, entry, effect)).build());
        items.add(TransactWriteItem.builder().put(ledgerPut(accountId, entry)).build());
        idempotency.ifPresent(key -> items.add(TransactWriteItem.builder()
                .put(completeIdempotency(accountId, key, response, now)).build()));
        if (entry.details() instanceof EntryDetails.Payment) {
            items.add(TransactWriteItem.builder().put(paymentGuard(accountId, entry, response)).build());
        }
        return TransactWriteItemsRequest.builder()
                .transactItems(items)
                .clientRequestToken(UUID.randomUUID().toString())
                .build();
    }

    Update accountUpdate(String accountId, long readSeq, LedgerEntry entry) {
        return accountUpdate(accountId, readSeq, entry, AutoChargeEffect.NONE);
    }

    Update accountUpdate(String accountId, long readSeq, LedgerEntry entry, AutoChargeEffect effect) {
        long nextSeq = Math.addExact(readSeq, 1);
        if (entry.seq() != nextSeq) {
            throw new IllegalArgumentException("entry " + entry.seq() + " does not follow seq " + readSeq);
        }
        boolean debit = !entry.type().isCredit();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":readSeq", n(readSeq));
        values.put(":nextSeq", n(nextSeq));
        values.put(":amount", n(Math.absExact(entry.amountMicros())));
        String condition;
        String update;
        if (debit) {
            condition = Expressions.DEBIT_CONDITION;
            values.put(":active", s(Subscription.ACTIVE.wireValue()));
            if (effect instanceof AutoChargeEffect.MarkDue mark) {
                update = Expressions.DEBIT_MARKING_DUE_UPDATE;
                values.putAll(startDueValues(mark));
            } else if (effect instanceof AutoChargeEffect.None) {
                update = Expressions.DEBIT_UPDATE;
            } else {
                throw new IllegalArgumentException("a debit cannot " + effect);
            }
        } else if (effect instanceof AutoChargeEffect.Settle settle) {
            if (entry.type() != EntryType.AUTO_CHARGE) {
                throw new IllegalArgumentException("only an auto-charge credit settles a pending charge");
            }
            condition = Expressions.AUTO_CHARGE_CREDIT_CONDITION;
            update = Expressions.AUTO_CHARGE_CREDIT_UPDATE;
            values.put(":chargeKey", s(settle.chargeKey()));
            values.put(":ok", s(AutoChargeStatus.OK.wireValue()));
            values.put(":zero", n(0));
        } else if (effect instanceof AutoChargeEffect.None) {
            condition = Expressions.CREDIT_CONDITION;
            update = Expressions.CREDIT_UPDATE;
        } else {
            throw new IllegalArgumentException("a credit cannot " + effect);
        }
        return Update.builder().tableName(tableName).key(Keys.account(accountId))
                .conditionExpression(condition)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(condition, update))
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    private static Map<String, AttributeValue> startDueValues(AutoChargeEffect.MarkDue mark) {
        return Map.of(
                ":dueBucket", s(DueIndex.BUCKET),
                ":dueSince", s(Timestamps.format(mark.since())),
                ":dueId", s(mark.dueId()),
                ":zero", n(0));
    }

    /** After a settings save: marks the account due only if the item, as it is now, says so. */
    UpdateItemRequest markDue(String accountId, AutoChargeEffect.MarkDue mark) {
        String condition = Expressions.MARK_DUE_CONDITION;
        String update = Expressions.MARK_DUE_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>(startDueValues(mark));
        values.putAll(shouldBeDueValues());
        return conditionalUpdate(Keys.account(accountId), condition, update, values).build();
    }

    /**
     * A claim of a charge that may have been sent keeps it ({@code intent} is null); otherwise
     * {@code intent}, planned from the settings, replaces whatever plan was there. ALL_NEW: the
     * charge actually in force comes back.
     */
    UpdateItemRequest claim(String accountId, DueMark due, PendingCharge intent, Instant now, Instant claimUntil) {
        boolean afresh = intent != null;
        String condition = afresh ? Expressions.CLAIM_AFRESH_CONDITION : Expressions.CLAIM_CONDITION;
        String update = afresh ? Expressions.CLAIM_AFRESH_UPDATE : Expressions.CLAIM_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>(afresh ? shouldBeDueValues() : Map.of());
        values.put(":dueId", s(due.dueId()));
        values.put(":dueAttempt", n(due.attempt()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":claimUntil", n(claimUntil.toEpochMilli()));
        if (afresh) {
            values.put(":chargeKey", s(intent.chargeKey()));
            values.put(":paymentMethod", s(intent.paymentMethod()));
            values.put(":amount", n(intent.amountMicros()));
        }
        return conditionalUpdate(Keys.account(accountId), condition, update, values)
                .returnValues(ReturnValue.ALL_NEW)
                .build();
    }

    UpdateItemRequest chargeSent(String accountId, AutoChargeClaim claim) {
        return byClaimHolder(accountId, claim, Expressions.CHARGE_SENT_CONDITION, Expressions.CHARGE_SENT_UPDATE);
    }

    /** {@code disable}: this decline was the last one allowed, so the account stops being due. */
    UpdateItemRequest recordDecline(String accountId, AutoChargeClaim claim, String error, boolean disable) {
        String condition = Expressions.AUTO_CHARGE_DECLINE_CONDITION;
        String update = disable ? Expressions.AUTO_CHARGE_DISABLE_UPDATE : Expressions.AUTO_CHARGE_DECLINE_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":chargeKey", s(claim.charge().chargeKey()));
        values.put(":error", s(error));
        values.put(":declines", n(Math.addExact(claim.declinesSoFar(), 1)));
        if (disable) {
            values.put(":disabled", s(AutoChargeStatus.DISABLED_AFTER_FAILURES.wireValue()));
        } else {
            values.put(":failing", s(AutoChargeStatus.FAILING.wireValue()));
            values.put(":nextAttempt", n(Math.addExact(claim.attempt(), 1)));
        }
        return conditionalUpdate(Keys.account(accountId), condition, update, values).build();
    }

    UpdateItemRequest requireAction(String accountId, AutoChargeClaim claim, String error) {
        return conditionalUpdate(Keys.account(accountId), Expressions.AUTO_CHARGE_DECLINE_CONDITION,
                Expressions.AUTO_CHARGE_ACTION_REQUIRED_UPDATE, Map.of(
                        ":chargeKey", s(claim.charge().chargeKey()),
                        ":error", s(error),
                        ":actionRequired", s(AutoChargeStatus.ACTION_REQUIRED.wireValue()))).build();
    }

    UpdateItemRequest resumeAutoCharge(String accountId) {
        return conditionalUpdate(Keys.account(accountId), Expressions.RESUME_AUTO_CHARGE_CONDITION,
                Expressions.RESUME_AUTO_CHARGE_UPDATE, Map.of(
                        ":actionRequired", s(AutoChargeStatus.ACTION_REQUIRED.wireValue()),
                        ":ok", s(AutoChargeStatus.OK.wireValue()),
                        ":zero", n(0))).build();
    }

    UpdateItemRequest releaseClaim(String accountId, AutoChargeClaim claim) {
        return byClaimHolder(accountId, claim, Expressions.RELEASE_CLAIM_CONDITION, Expressions.RELEASE_CLAIM_UPDATE);
    }

    /** A write only the run that holds this very claim may make: its charge and its lease name it. */
    private UpdateItemRequest byClaimHolder(String accountId, AutoChargeClaim claim, String condition, String update) {
        return conditionalUpdate(Keys.account(accountId), condition, update, Map.of(
                ":chargeKey", s(claim.charge().chargeKey()),
                ":claimUntil", n(claim.claimUntil().toEpochMilli()))).build();
    }

    UpdateItemRequest clearStaleDue(String accountId, DueMark due, Instant now) {
        String condition = Expressions.CLEAR_STALE_DUE_CONDITION;
        String update = Expressions.CLEAR_STALE_DUE_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>(shouldBeDueValues());
        values.put(":dueId", s(due.dueId()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        return conditionalUpdate(Keys.account(accountId), condition, update, values).build();
    }

    private static Map<String, AttributeValue> shouldBeDueValues() {
        return Map.of(
                ":true", AttributeValue.fromBool(true),
                ":disabled", s(AutoChargeStatus.DISABLED_AFTER_FAILURES.wireValue()),
                ":actionRequired", s(AutoChargeStatus.ACTION_REQUIRED.wireValue()),
                ":active", s(Subscription.ACTIVE.wireValue()));
    }

    Put ledgerPut(String accountId, LedgerEntry entry) {
        return Put.builder().tableName(tableName).item(LedgerItems.toItem(accountId, entry))
                .conditionExpression(Expressions.IS_NEW)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    /** A payment is credited once: the guard is new, or the transaction fails and says whose it is. */
    Put paymentGuard(String accountId, LedgerEntry entry, StoredResponse response) {
        return Put.builder().tableName(tableName).item(PaymentItems.toItem(accountId, entry, response))
                .conditionExpression(Expressions.IS_NEW)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    /** After a payment was found credited before: the key gets that credit's answer, like a completed request. */
    PutItemRequest completeIdempotencyAlone(String accountId, Idempotency idempotency, StoredResponse response, Instant now) {
        Put put = completeIdempotency(accountId, idempotency, response, now);
        return PutItemRequest.builder().tableName(tableName).item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames())
                .expressionAttributeValues(put.expressionAttributeValues())
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

    /** ALL_OLD either way: the record it replaced (a takeover, or its own earlier write) or the one that blocked it. */
    UpdateItemRequest beginIdempotency(String accountId, Idempotency idempotency, Instant now, Instant holdUntil,
                                       String holder, String chargeKey) {
        String condition = Expressions.IDEMPOTENCY_BEGIN_CONDITION;
        String update = Expressions.IDEMPOTENCY_BEGIN_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":nowSeconds", n(now.getEpochSecond()));
        values.put(":nowMillis", n(now.toEpochMilli()));
        values.put(":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()));
        values.put(":requestHash", s(idempotency.requestHash()));
        values.put(":expiresAt", n(now.plus(IdempotencyItems.RETENTION).getEpochSecond()));
        values.put(":now", s(Timestamps.format(now)));
        values.put(":holdUntil", n(holdUntil.toEpochMilli()));
        values.put(":holder", s(holder));
        values.put(":chargeKey", s(chargeKey));
        return conditionalUpdate(Keys.idempotency(accountId, idempotency.key()), condition, update, values)
                .returnValues(ReturnValue.ALL_OLD)
                .returnValuesOnConditionCheckFailure(ALL_OLD)
                .build();
    }

    /** {@code mayExist}: the charge may have been sent already, so the hold says so from the start. */
    UpdateItemRequest holdCharge(String accountId, Idempotency idempotency, String holder, String chargeKey, boolean mayExist,
                                 Instant now) {
        String condition = Expressions.HOLD_CHARGE_CONDITION;
        String update = mayExist ? Expressions.HOLD_CHARGE_STARTED_UPDATE : Expressions.HOLD_CHARGE_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":holder", s(holder), ":chargeKey", s(chargeKey)));
        if (mayExist) {
            values.putAll(listedUnsettled(now));
        }
        return conditionalUpdate(Keys.idempotency(accountId, idempotency.key()), condition, update, values).build();
    }

    UpdateItemRequest chargeStarted(String accountId, Idempotency idempotency, String holder, Instant now) {
        String condition = Expressions.CHARGE_STARTED_CONDITION;
        String update = Expressions.CHARGE_STARTED_UPDATE;
        Map<String, AttributeValue> values = new HashMap<>(listedUnsettled(now));
        values.put(":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()));
        values.put(":holder", s(holder));
        return conditionalUpdate(Keys.idempotency(accountId, idempotency.key()), condition, update, values).build();
    }

    /** The values of a charge that may have been sent, listed for the sweep. */
    private static Map<String, AttributeValue> listedUnsettled(Instant now) {
        return Map.of(":true", AttributeValue.fromBool(true),
                ":unsettledBucket", s(UnsettledIndex.BUCKET),
                ":now", s(Timestamps.format(now)));
    }

    /**
     * The one shape of every conditional UpdateItem outside a balance change's transaction (an
     * account's marks, claims and settings; a hold and its marks): only the item differs.
     */
    private UpdateItemRequest.Builder conditionalUpdate(Map<String, AttributeValue> key, String condition, String update,
                                                        Map<String, AttributeValue> values) {
        return UpdateItemRequest.builder().tableName(tableName).key(key)
                .conditionExpression(condition)
                .updateExpression(update)
                .expressionAttributeNames(Expressions.namesFor(condition, update))
                .expressionAttributeValues(values);
    }

    DeleteItemRequest releaseIdempotency(String accountId, Idempotency idempotency, String holder) {
        String condition = Expressions.IDEMPOTENCY_RELEASE_CONDITION;
        return DeleteItemRequest.builder().tableName(tableName)
                .key(Keys.idempotency(accountId, idempotency.key()))
                .conditionExpression(condition)
                .expressionAttributeNames(Expressions.namesFor(condition))
                .expressionAttributeValues(Map.of(
                        ":inProgress", s(IdempotencyStatus.IN_PROGRESS.name()),
                        ":requestHash", s(idempotency.requestHash()),
                        ":holder", s(holder)))
                .build();
    }

    UpdateItemRequest setSubscription(String accountId, Subscription subscription) {
        String update = Expressions.SET_SUBSCRIPTION;
        return conditionalUpdate(Keys.account(accountId), Expressions.EXISTS, update,
                Map.of(":subscription", s(subscription.wireValue()))).build();
    }

    UpdateItemRequest savePaymentCustomer(String accountId, String customer) {
        return conditionalUpdate(Keys.account(accountId), Expressions.SAVE_PAYMENT_CUSTOMER_CONDITION,
                Expressions.SAVE_PAYMENT_CUSTOMER, Map.of(":customer", s(customer))).build();
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
        return conditionalUpdate(Keys.account(accountId), Expressions.EXISTS, update, values)
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
