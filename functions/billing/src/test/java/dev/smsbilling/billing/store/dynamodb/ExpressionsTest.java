package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Pins every condition of the store verbatim, and checks each write actually carries its own.
 * These strings are what stop overdrafts, lost updates and double writes: if this test fails,
 * the edit that broke it needs a reason that survives review, not a quick update of the test.
 */
class ExpressionsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30.123Z");
    private static final Idempotency KEY = new Idempotency("key-1", "a".repeat(64));
    private final WriteRequests writes = new WriteRequests("billing");

    @Test
    void debitIsGuardedBySeqSubscriptionAndBalance() {
        assertThat(Expressions.DEBIT_CONDITION)
                .isEqualTo("#seq = :readSeq AND #subscription = :active AND #balance >= :amount");
        assertThat(Expressions.DEBIT_UPDATE).isEqualTo("SET #balance = #balance - :amount, #seq = :nextSeq");

        Update update = writes.accountUpdate("BA1", 6, debitEntry(7, 30_000, 70_000));

        assertThat(update.conditionExpression()).isEqualTo(Expressions.DEBIT_CONDITION);
        assertThat(update.updateExpression()).isEqualTo(Expressions.DEBIT_UPDATE);
        assertThat(update.expressionAttributeNames()).containsOnly(
                entry("#seq", "seq"), entry("#subscription", "subscription"), entry("#balance", "balanceMicros"));
        assertThat(update.expressionAttributeValues()).containsOnly(
                entry(":readSeq", AttributeValue.fromN("6")), entry(":nextSeq", AttributeValue.fromN("7")),
                entry(":amount", AttributeValue.fromN("30000")), entry(":active", AttributeValue.fromS("active")));
        assertThat(update.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void creditIsGuardedBySeq() {
        assertThat(Expressions.CREDIT_CONDITION).isEqualTo("#seq = :readSeq");
        assertThat(Expressions.CREDIT_UPDATE).isEqualTo("SET #balance = #balance + :amount, #seq = :nextSeq");

        Update update = writes.accountUpdate("BA1", 0, creditEntry(1, 5_000_000));

        assertThat(update.conditionExpression()).isEqualTo(Expressions.CREDIT_CONDITION);
        assertThat(update.updateExpression()).isEqualTo(Expressions.CREDIT_UPDATE);
        assertThat(update.expressionAttributeValues()).containsOnly(
                entry(":readSeq", AttributeValue.fromN("0")), entry(":nextSeq", AttributeValue.fromN("1")),
                entry(":amount", AttributeValue.fromN("5000000")));
    }

    @Test
    void aBalanceChangeWritesAccountLedgerAndKeyInThatOrderWithTheirConditions() {
        LedgerEntry entry = debitEntry(7, 30_000, 70_000);
        TransactWriteItemsRequest transaction = writes.balanceChange(
                "BA1", 6, entry, Optional.of(KEY), new StoredResponse(202, "{}"), NOW);

        assertThat(transaction.transactItems()).hasSize(3);
        assertThat(transaction.transactItems().get(WriteRequests.ACCOUNT).update().conditionExpression())
                .isEqualTo(Expressions.DEBIT_CONDITION);
        Put ledger = transaction.transactItems().get(WriteRequests.LEDGER).put();
        assertThat(ledger.conditionExpression()).isEqualTo("attribute_not_exists(pk)");
        assertThat(ledger.item().get("sk").s()).isEqualTo("TX#000000000007");
        Put key = transaction.transactItems().get(WriteRequests.IDEMPOTENCY).put();
        assertThat(key.conditionExpression()).isEqualTo(Expressions.IDEMPOTENCY_COMPLETE_CONDITION);
        assertThat(key.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        assertThat(transaction.clientRequestToken()).isNotBlank();
    }

    @Test
    void withoutAKeyTheTransactionHasNoIdempotencyRecord() {
        TransactWriteItemsRequest transaction = writes.balanceChange(
                "BA1", 6, debitEntry(7, 30_000, 70_000), Optional.empty(), new StoredResponse(202, "{}"), NOW);

        assertThat(transaction.transactItems()).hasSize(2);
    }

    @Test
    void completingAKeyIsAllowedOnlyWhenNewExpiredOrOurOwnHold() {
        assertThat(Expressions.IDEMPOTENCY_COMPLETE_CONDITION).isEqualTo(
                "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
                        + " OR (#status = :inProgress AND #requestHash = :requestHash)");

        Put put = writes.completeIdempotency("BA1", KEY, new StoredResponse(201, "{}"), NOW);

        assertThat(put.expressionAttributeNames()).containsOnly(
                entry("#expiresAt", "expiresAt"), entry("#status", "status"), entry("#requestHash", "requestHash"));
        assertThat(put.expressionAttributeValues()).containsOnly(
                entry(":nowSeconds", AttributeValue.fromN(Long.toString(NOW.getEpochSecond()))),
                entry(":inProgress", AttributeValue.fromS("IN_PROGRESS")),
                entry(":requestHash", AttributeValue.fromS(KEY.requestHash())));
        assertThat(put.item().get("expiresAt").n()).isEqualTo(Long.toString(NOW.getEpochSecond() + 86_400));
    }

    @Test
    void holdingAKeyTakesOverOnlyAnAbandonedHoldOfTheSameRequestOrItsOwn() {
        assertThat(Expressions.IDEMPOTENCY_BEGIN_CONDITION).isEqualTo(
                "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
                        + " OR (#status = :inProgress AND #requestHash = :requestHash"
                        + " AND (#inProgressExpiresAt < :nowMillis OR #holder = :holder))");
        assertThat(Expressions.IDEMPOTENCY_BEGIN_UPDATE).as("a takeover keeps the charge; whether it started, the holder says again")
                .contains("#chargeKey = if_not_exists(#chargeKey, :chargeKey)").endsWith("REMOVE #responseStatus, #responseBody");

        var hold = writes.beginIdempotency("BA1", KEY, NOW, NOW.plusSeconds(30), "HOme", "CHnew");

        assertThat(hold.conditionExpression()).isEqualTo(Expressions.IDEMPOTENCY_BEGIN_CONDITION);
        assertThat(hold.updateExpression()).isEqualTo(Expressions.IDEMPOTENCY_BEGIN_UPDATE);
        assertThat(hold.expressionAttributeValues())
                .containsEntry(":nowMillis", AttributeValue.fromN(Long.toString(NOW.toEpochMilli())))
                .containsEntry(":holdUntil", AttributeValue.fromN(Long.toString(NOW.plusSeconds(30).toEpochMilli())))
                .containsEntry(":holder", AttributeValue.fromS("HOme"));
        assertThat(hold.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        assertThat(hold.returnValues()).as("tells a taken-over hold from a new one or our own").isEqualTo(ReturnValue.ALL_OLD);
        assertThat(Expressions.CHARGE_STARTED_CONDITION).isEqualTo("#status = :inProgress AND #holder = :holder");
        assertThat(Expressions.HOLD_CHARGE_CONDITION).isEqualTo("#holder = :holder");
    }

    /**
     * A charge that may have been sent is listed for the sweep until its hold ends; without the
     * listing a top-up that died after charging waits for a retry that may never come.
     */
    @Test
    void aChargeAboutToBeSentIsListedForTheSweepUnderItsFirstSend() {
        assertThat(Expressions.CHARGE_STARTED_UPDATE).isEqualTo("SET #chargeStarted = :true, #unsettledBucket = :unsettledBucket,"
                + " #chargeStartedAt = if_not_exists(#chargeStartedAt, :now)");
        assertThat(Expressions.HOLD_CHARGE_STARTED_UPDATE).isEqualTo("SET #chargeKey = :chargeKey, #chargeStarted = :true,"
                + " #unsettledBucket = :unsettledBucket, #chargeStartedAt = if_not_exists(#chargeStartedAt, :now)");
        assertThat(Expressions.HOLD_CHARGE_UPDATE).as("a new charge is not listed until it is about to be sent")
                .isEqualTo("SET #chargeKey = :chargeKey REMOVE #chargeStarted, #unsettledBucket, #chargeStartedAt");
        assertThat(Expressions.UNSETTLED_TOP_UPS).isEqualTo("#unsettledBucket = :unsettledBucket AND #chargeStartedAt < :before");

        var started = writes.chargeStarted("BA1", KEY, "HOme", NOW);

        assertThat(started.conditionExpression()).isEqualTo(Expressions.CHARGE_STARTED_CONDITION);
        assertThat(started.expressionAttributeNames()).contains(
                entry("#unsettledBucket", "unsettledBucket"), entry("#chargeStartedAt", "chargeStartedAt"));
        assertThat(started.expressionAttributeValues()).contains(
                entry(":unsettledBucket", AttributeValue.fromS(UnsettledIndex.BUCKET)),
                entry(":now", AttributeValue.fromS("2026-11-27T10:15:30.123Z")));
        assertThat(new ReadRequests("billing").unsettledTopUps(NOW, null, 10).indexName()).isEqualTo("unsettled-top-ups");
    }

    @Test
    void releasingAKeyDeletesOnlyOurOwnHold() {
        assertThat(Expressions.IDEMPOTENCY_RELEASE_CONDITION)
                .isEqualTo("#status = :inProgress AND #requestHash = :requestHash AND #holder = :holder");
        assertThat(writes.releaseIdempotency("BA1", KEY, "HOme").conditionExpression())
                .isEqualTo(Expressions.IDEMPOTENCY_RELEASE_CONDITION);
    }

    @Test
    void accountsAndApiKeysAreNeverOverwrittenAndOnlyExistingOnesAreChanged() {
        assertThat(Expressions.IS_NEW).isEqualTo("attribute_not_exists(pk)");
        assertThat(Expressions.EXISTS).isEqualTo("attribute_exists(pk)");
        Account account = new Account("BA1", 0, 0, Subscription.ACTIVE, NOW);

        var create = writes.createAccount(account, "b".repeat(64));

        assertThat(create.transactItems()).allSatisfy(item ->
                assertThat(item.put().conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
        assertThat(writes.setSubscription("BA1", Subscription.INACTIVE).conditionExpression()).isEqualTo("attribute_exists(pk)");
        assertThat(writes.setSubscription("BA1", Subscription.INACTIVE).updateExpression())
                .isEqualTo("SET #subscription = :subscription");
        assertThat(writes.revokeApiKey("b".repeat(64)).conditionExpression()).isEqualTo("attribute_exists(pk)");
        assertThat(writes.revokeApiKey("b".repeat(64)).updateExpression()).isEqualTo("SET #revoked = :revoked");
    }

    @Test
    void thePaymentCustomerIsSetOnceOnAnExistingAccountAndMovesNoMoney() {
        assertThat(Expressions.SAVE_PAYMENT_CUSTOMER_CONDITION)
                .isEqualTo("attribute_exists(pk) AND attribute_not_exists(#paymentCustomer)");
        assertThat(Expressions.SAVE_PAYMENT_CUSTOMER).isEqualTo("SET #paymentCustomer = :customer");

        var update = writes.savePaymentCustomer("BA1", "cus_QaccountOne001");

        assertThat(update.conditionExpression()).isEqualTo(Expressions.SAVE_PAYMENT_CUSTOMER_CONDITION);
        assertThat(update.updateExpression()).isEqualTo(Expressions.SAVE_PAYMENT_CUSTOMER);
        assertThat(update.expressionAttributeNames()).containsOnly(entry("#paymentCustomer", "paymentCustomer"));
        assertThat(update.expressionAttributeValues()).containsOnly(entry(":customer", AttributeValue.fromS("cus_QaccountOne001")));
        assertThat(update.key()).containsOnly(entry("pk", AttributeValue.fromS("ACCOUNT#BA1")), entry("sk", AttributeValue.fromS("ACCOUNT")));
    }

    @Test
    void savingAutoChargeSettingsTouchesOnlyExistingAccountsAndResetsTheFailureHistory() {
        assertThat(Expressions.SAVE_AUTO_CHARGE).isEqualTo(
                "SET #autoChargeEnabled = :enabled, #autoChargeThreshold = :threshold,"
                        + " #autoChargeAmount = :amount, #autoChargePaymentMethod = :paymentMethod, #autoChargeStatus = :ok,"
                        + " #autoChargeDeclines = :zero, #autoChargeUpdatedAt = :now REMOVE #autoChargeLastError");

        var update = writes.saveAutoCharge("BA1",
                new AutoChargeSettings(true, 5_000_000, 20_000_000, Optional.of("pm_card_visa")), NOW);

        assertThat(update.conditionExpression()).isEqualTo("attribute_exists(pk)");
        assertThat(update.updateExpression()).isEqualTo(Expressions.SAVE_AUTO_CHARGE);
        assertThat(update.expressionAttributeNames()).containsOnly(
                entry("#autoChargeEnabled", "autoChargeEnabled"), entry("#autoChargeThreshold", "autoChargeThresholdMicros"),
                entry("#autoChargeAmount", "autoChargeAmountMicros"), entry("#autoChargePaymentMethod", "autoChargePaymentMethod"),
                entry("#autoChargeStatus", "autoChargeStatus"), entry("#autoChargeDeclines", "autoChargeConsecutiveDeclines"),
                entry("#autoChargeUpdatedAt", "autoChargeUpdatedAt"), entry("#autoChargeLastError", "autoChargeLastError"));
        assertThat(update.expressionAttributeValues()).containsOnly(
                entry(":enabled", AttributeValue.fromBool(true)), entry(":threshold", AttributeValue.fromN("5000000")),
                entry(":amount", AttributeValue.fromN("20000000")), entry(":paymentMethod", AttributeValue.fromS("pm_card_visa")),
                entry(":ok", AttributeValue.fromS("ok")), entry(":zero", AttributeValue.fromN("0")),
                entry(":now", AttributeValue.fromS("2026-11-27T10:15:30.123Z")));
        assertThat(update.key()).containsOnly(entry("pk", AttributeValue.fromS("ACCOUNT#BA1")), entry("sk", AttributeValue.fromS("ACCOUNT")));
        assertThat(Expressions.SAVE_AUTO_CHARGE).as("settings never move money")
                .doesNotContain("#balance", "#seq", "dueBucket", "dueSince");
    }

    @Test
    void aDebitBelowTheThresholdMarksTheAccountDueOnlyIfNotAlreadyDue() {
        assertThat(Expressions.SHOULD_BE_DUE).isEqualTo("#autoChargeEnabled = :true AND NOT (#autoChargeStatus IN (:disabled, :actionRequired))"
                + " AND #subscription = :active AND #balance < #autoChargeThreshold");
        assertThat(Expressions.DEBIT_MARKING_DUE_UPDATE).isEqualTo("SET #balance = #balance - :amount, #seq = :nextSeq,"
                + " #dueBucket = if_not_exists(#dueBucket, :dueBucket), #dueSince = if_not_exists(#dueSince, :dueSince),"
                + " #dueId = if_not_exists(#dueId, :dueId), #dueAttempt = if_not_exists(#dueAttempt, :zero)");

        Update update = writes.accountUpdate("BA1", 6, debitEntry(7, 30_000, 70_000), new AutoChargeEffect.MarkDue("DU1", NOW));

        assertThat(update.conditionExpression()).as("marking due never weakens the debit")
                .isEqualTo(Expressions.DEBIT_CONDITION);
        assertThat(update.updateExpression()).isEqualTo(Expressions.DEBIT_MARKING_DUE_UPDATE);
        assertThat(update.expressionAttributeNames()).containsOnly(
                entry("#seq", "seq"), entry("#subscription", "subscription"), entry("#balance", "balanceMicros"),
                entry("#dueBucket", "dueBucket"), entry("#dueSince", "dueSince"), entry("#dueId", "dueId"),
                entry("#dueAttempt", "dueAttempt"));
        assertThat(update.expressionAttributeValues()).contains(
                entry(":dueBucket", AttributeValue.fromS("DUE")), entry(":dueSince", AttributeValue.fromS("2026-11-27T10:15:30.123Z")),
                entry(":dueId", AttributeValue.fromS("DU1")), entry(":zero", AttributeValue.fromN("0")));
    }

    @Test
    void aSaveMarksDueOnlyWhenTheItemItselfStillSaysSo() {
        assertThat(Expressions.MARK_DUE_CONDITION).isEqualTo(Expressions.SHOULD_BE_DUE);
        assertThat(Expressions.MARK_DUE_UPDATE).isEqualTo("SET #dueBucket = if_not_exists(#dueBucket, :dueBucket),"
                + " #dueSince = if_not_exists(#dueSince, :dueSince), #dueId = if_not_exists(#dueId, :dueId),"
                + " #dueAttempt = if_not_exists(#dueAttempt, :zero)");

        var update = writes.markDue("BA1", new AutoChargeEffect.MarkDue("DU1", NOW));

        assertThat(update.conditionExpression()).isEqualTo(Expressions.MARK_DUE_CONDITION);
        assertThat(update.expressionAttributeValues()).contains(entry(":true", AttributeValue.fromBool(true)),
                entry(":disabled", AttributeValue.fromS("disabled_after_failures")),
                entry(":actionRequired", AttributeValue.fromS("action_required")), entry(":active", AttributeValue.fromS("active")));
    }

    @Test
    void dueAccountsComeFromTheSparseIndexNeverAScan() {
        assertThat(Expressions.DUE_ACCOUNTS).isEqualTo("#dueBucket = :dueBucket");

        var query = new ReadRequests("billing").dueAccounts(null, 100);

        assertThat(query.indexName()).isEqualTo("auto-charge-due");
        assertThat(query.keyConditionExpression()).isEqualTo(Expressions.DUE_ACCOUNTS);
        assertThat(query.expressionAttributeValues()).containsOnly(entry(":dueBucket", AttributeValue.fromS("DUE")));
        assertThat(query.scanIndexForward()).as("oldest crossing first").isTrue();
    }

    @Test
    void aClaimRechecksEverythingAndLeavesTheMoneyAlone() {
        String claimable = "#dueId = :dueId AND #dueAttempt = :dueAttempt"
                + " AND (attribute_not_exists(#claimUntil) OR #claimUntil < :nowMillis)";
        String shouldBeDue = "#autoChargeEnabled = :true AND NOT (#autoChargeStatus IN (:disabled, :actionRequired))"
                + " AND #subscription = :active AND #balance < #autoChargeThreshold";
        assertThat(Expressions.CLAIM_CONDITION).as("a charge that may have been sent is settled, whatever the settings")
                .isEqualTo(claimable + " AND attribute_exists(#pendingChargeKey) AND attribute_not_exists(#pendingChargeUnsent)");
        assertThat(Expressions.CLAIM_UPDATE).isEqualTo("SET #claimUntil = :claimUntil");
        assertThat(Expressions.CLAIM_AFRESH_CONDITION).as("anything else only while the settings still say so")
                .isEqualTo(claimable + " AND (attribute_not_exists(#pendingChargeKey) OR attribute_exists(#pendingChargeUnsent))"
                        + " AND (" + shouldBeDue + ")");
        assertThat(Expressions.CLAIM_AFRESH_UPDATE).isEqualTo("SET #claimUntil = :claimUntil, #pendingChargeKey = :chargeKey,"
                + " #pendingPaymentMethod = :paymentMethod, #pendingAmount = :amount, #pendingChargeUnsent = :true");
        assertThat(Expressions.CHARGE_SENT_CONDITION).isEqualTo("#pendingChargeKey = :chargeKey AND #claimUntil = :claimUntil");
        assertThat(Expressions.CHARGE_SENT_UPDATE).isEqualTo("REMOVE #pendingChargeUnsent");
        DueMark due = new DueMark("DU1", NOW, 1, Optional.empty(), Optional.empty());

        var afresh = writes.claim("BA1", due, new PendingCharge("autocharge_k", "pm_card_visa", 20_000_000), NOW, NOW.plusSeconds(90));
        var settle = writes.claim("BA1", due, null, NOW, NOW.plusSeconds(90));

        assertThat(afresh.conditionExpression()).isEqualTo(Expressions.CLAIM_AFRESH_CONDITION);
        assertThat(afresh.updateExpression()).isEqualTo(Expressions.CLAIM_AFRESH_UPDATE).doesNotContain("#seq = ", "#balance = ");
        assertThat(afresh.expressionAttributeValues()).contains(
                entry(":dueId", AttributeValue.fromS("DU1")), entry(":dueAttempt", AttributeValue.fromN("1")),
                entry(":nowMillis", AttributeValue.fromN(Long.toString(NOW.toEpochMilli()))),
                entry(":claimUntil", AttributeValue.fromN(Long.toString(NOW.plusSeconds(90).toEpochMilli()))),
                entry(":chargeKey", AttributeValue.fromS("autocharge_k")), entry(":amount", AttributeValue.fromN("20000000")));
        assertThat(settle.conditionExpression()).isEqualTo(Expressions.CLAIM_CONDITION);
        assertThat(settle.updateExpression()).isEqualTo(Expressions.CLAIM_UPDATE);
        assertThat(settle.expressionAttributeValues()).doesNotContainKeys(":chargeKey", ":true");
    }

    @Test
    void theAutoChargeCreditIsSeqGuardedAndEndsTheCrossing() {
        assertThat(Expressions.AUTO_CHARGE_CREDIT_CONDITION).isEqualTo("#seq = :readSeq AND #pendingChargeKey = :chargeKey");
        assertThat(Expressions.AUTO_CHARGE_CREDIT_UPDATE).isEqualTo("SET #balance = #balance + :amount, #seq = :nextSeq,"
                + " #autoChargeStatus = :ok, #autoChargeDeclines = :zero REMOVE #autoChargeLastError,"
                + " #dueBucket, #dueSince, #dueId, #dueAttempt, #claimUntil,"
                + " #pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent");
        LedgerEntry entry = new LedgerEntry("TX3", 4, EntryType.AUTO_CHARGE, 20_000_000, 24_000_000, NOW,
                new EntryDetails.Payment("ch_1"));

        Update update = writes.accountUpdate("BA1", 3, entry, new AutoChargeEffect.Settle("autocharge_k"));

        assertThat(update.conditionExpression()).isEqualTo(Expressions.AUTO_CHARGE_CREDIT_CONDITION);
        assertThat(update.updateExpression()).isEqualTo(Expressions.AUTO_CHARGE_CREDIT_UPDATE);
        assertThat(update.expressionAttributeValues()).containsOnly(
                entry(":readSeq", AttributeValue.fromN("3")), entry(":nextSeq", AttributeValue.fromN("4")),
                entry(":amount", AttributeValue.fromN("20000000")), entry(":chargeKey", AttributeValue.fromS("autocharge_k")),
                entry(":ok", AttributeValue.fromS("ok")), entry(":zero", AttributeValue.fromN("0")));
        assertThat(update.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void aDeclineIsRecordedOnceAndTheLastOneClearsTheMark() {
        assertThat(Expressions.AUTO_CHARGE_DECLINE_CONDITION).isEqualTo("#pendingChargeKey = :chargeKey");
        assertThat(Expressions.AUTO_CHARGE_DECLINE_UPDATE).isEqualTo("SET #autoChargeStatus = :failing,"
                + " #autoChargeLastError = :error, #autoChargeDeclines = :declines, #dueAttempt = :nextAttempt"
                + " REMOVE #claimUntil, #pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent");
        assertThat(Expressions.AUTO_CHARGE_DISABLE_UPDATE).isEqualTo("SET #autoChargeStatus = :disabled,"
                + " #autoChargeLastError = :error, #autoChargeDeclines = :declines"
                + " REMOVE #dueBucket, #dueSince, #dueId, #dueAttempt, #claimUntil,"
                + " #pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent");
        AutoChargeClaim claim = new AutoChargeClaim("BA1", new PendingCharge("autocharge_k", "pm_card_visa", 20_000_000),
                1, 1, NOW.plusSeconds(90), Optional.empty(), false);

        var decline = writes.recordDecline("BA1", claim, "card_declined", false);
        var disable = writes.recordDecline("BA1", claim, "card_declined", true);

        assertThat(decline.conditionExpression()).isEqualTo(Expressions.AUTO_CHARGE_DECLINE_CONDITION);
        assertThat(decline.updateExpression()).isEqualTo(Expressions.AUTO_CHARGE_DECLINE_UPDATE);
        assertThat(decline.expressionAttributeValues()).containsOnly(
                entry(":chargeKey", AttributeValue.fromS("autocharge_k")), entry(":error", AttributeValue.fromS("card_declined")),
                entry(":declines", AttributeValue.fromN("2")), entry(":failing", AttributeValue.fromS("failing")),
                entry(":nextAttempt", AttributeValue.fromN("2")));
        assertThat(disable.conditionExpression()).isEqualTo(Expressions.AUTO_CHARGE_DECLINE_CONDITION);
        assertThat(disable.updateExpression()).isEqualTo(Expressions.AUTO_CHARGE_DISABLE_UPDATE);
    }

    @Test
    void aCardThatAsksForItsHolderStopsTheRunsUntilATopUpByHandWithoutCountingADecline() {
        assertThat(Expressions.AUTO_CHARGE_ACTION_REQUIRED_UPDATE).isEqualTo("SET #autoChargeStatus = :actionRequired,"
                + " #autoChargeLastError = :error REMOVE #dueBucket, #dueSince, #dueId, #dueAttempt, #claimUntil,"
                + " #pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent");
        assertThat(Expressions.RESUME_AUTO_CHARGE_CONDITION).isEqualTo("#autoChargeStatus = :actionRequired");
        assertThat(Expressions.RESUME_AUTO_CHARGE_UPDATE).isEqualTo("SET #autoChargeStatus = :ok, #autoChargeDeclines = :zero"
                + " REMOVE #autoChargeLastError");
        AutoChargeClaim claim = new AutoChargeClaim("BA1", new PendingCharge("autocharge_k", "pm_card_visa", 20_000_000),
                0, 0, NOW.plusSeconds(90), Optional.empty(), false);

        var wait = writes.requireAction("BA1", claim, "authentication_required");
        var resume = writes.resumeAutoCharge("BA1");

        assertThat(wait.conditionExpression()).as("only the run holding the charge").isEqualTo(Expressions.AUTO_CHARGE_DECLINE_CONDITION);
        assertThat(wait.updateExpression()).isEqualTo(Expressions.AUTO_CHARGE_ACTION_REQUIRED_UPDATE).doesNotContain("#autoChargeDeclines");
        assertThat(wait.expressionAttributeValues()).containsOnly(entry(":chargeKey", AttributeValue.fromS("autocharge_k")),
                entry(":error", AttributeValue.fromS("authentication_required")),
                entry(":actionRequired", AttributeValue.fromS("action_required")));
        assertThat(resume.conditionExpression()).isEqualTo(Expressions.RESUME_AUTO_CHARGE_CONDITION);
        assertThat(resume.updateExpression()).isEqualTo(Expressions.RESUME_AUTO_CHARGE_UPDATE).doesNotContain("#balance", "#seq");
        assertThat(resume.expressionAttributeValues()).containsOnly(entry(":actionRequired", AttributeValue.fromS("action_required")),
                entry(":ok", AttributeValue.fromS("ok")), entry(":zero", AttributeValue.fromN("0")));
    }

    @Test
    void releasingAClaimKeepsThePendingChargeAndTouchesOnlyOurOwnClaim() {
        assertThat(Expressions.RELEASE_CLAIM_CONDITION).isEqualTo("#pendingChargeKey = :chargeKey AND #claimUntil = :claimUntil");
        assertThat(Expressions.RELEASE_CLAIM_UPDATE).isEqualTo("REMOVE #claimUntil");
        AutoChargeClaim claim = new AutoChargeClaim("BA1", new PendingCharge("autocharge_k", "pm_card_visa", 20_000_000),
                0, 0, NOW.plusSeconds(90), Optional.empty(), false);

        var release = writes.releaseClaim("BA1", claim);

        assertThat(release.conditionExpression()).isEqualTo(Expressions.RELEASE_CLAIM_CONDITION);
        assertThat(release.updateExpression()).isEqualTo(Expressions.RELEASE_CLAIM_UPDATE);
    }

    @Test
    void aStaleMarkIsClearedOnlyWhenNothingIsInFlightAndTheAccountStillShouldNotBeDue() {
        assertThat(Expressions.CLEAR_STALE_DUE_CONDITION).isEqualTo("#dueId = :dueId"
                + " AND (attribute_not_exists(#pendingChargeKey) OR attribute_exists(#pendingChargeUnsent))"
                + " AND (attribute_not_exists(#claimUntil) OR #claimUntil < :nowMillis) AND NOT (#autoChargeEnabled = :true"
                + " AND NOT (#autoChargeStatus IN (:disabled, :actionRequired)) AND #subscription = :active"
                + " AND #balance < #autoChargeThreshold)");
        assertThat(Expressions.CLEAR_STALE_DUE_UPDATE).isEqualTo("REMOVE #dueBucket, #dueSince, #dueId, #dueAttempt, #claimUntil,"
                + " #pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent");

        var clear = writes.clearStaleDue("BA1", new DueMark("DU1", NOW, 0, Optional.empty(), Optional.empty()), NOW);

        assertThat(clear.conditionExpression()).isEqualTo(Expressions.CLEAR_STALE_DUE_CONDITION);
        assertThat(clear.updateExpression()).isEqualTo(Expressions.CLEAR_STALE_DUE_UPDATE);
    }

    @Test
    void theChargeKeyDependsOnlyOnTheAccountTheCrossingAndTheAttempt() {
        String key = AutoChargeKeys.derive("BA1", "DU1", 0);

        assertThat(key).startsWith("autocharge_").hasSizeLessThanOrEqualTo(255).isEqualTo(AutoChargeKeys.derive("BA1", "DU1", 0));
        assertThat(AutoChargeKeys.derive("BA1", "DU1", 1)).isNotEqualTo(key);
        assertThat(AutoChargeKeys.derive("BA1", "DU2", 0)).isNotEqualTo(key);
        assertThat(AutoChargeKeys.derive("BA2", "DU1", 0)).isNotEqualTo(key);
    }

    @Test
    void ledgerQueriesStayInsideTheAccountsLedgerRange() {
        ReadRequests reads = new ReadRequests("billing");
        assertThat(Expressions.LEDGER_NEWEST).isEqualTo("pk = :pk AND begins_with(sk, :ledgerPrefix)");
        assertThat(Expressions.LEDGER_RANGE).isEqualTo("pk = :pk AND sk BETWEEN :first AND :last");

        var before = reads.ledgerEntriesBefore("BA1", 51, 50);

        assertThat(before.keyConditionExpression()).isEqualTo(Expressions.LEDGER_RANGE);
        assertThat(before.expressionAttributeValues()).containsOnly(
                entry(":pk", AttributeValue.fromS("ACCOUNT#BA1")),
                entry(":first", AttributeValue.fromS("TX#000000000001")),
                entry(":last", AttributeValue.fromS("TX#000000000050")));
        assertThat(before.scanIndexForward()).isFalse();
        assertThat(before.consistentRead()).isTrue();
    }

    private static LedgerEntry debitEntry(long seq, long cost, long balanceAfter) {
        MessageCharge charge = new MessageCharge("+14155550100", "+14155550199", 3, "US", cost / 3, "GSM-7", cost, "2026-11-01");
        return new LedgerEntry("TX1", seq, EntryType.MESSAGE_CHARGE, -cost, balanceAfter, NOW,
                new EntryDetails.Message("AC1", EntryDetails.Message.QUEUED, charge));
    }

    private static LedgerEntry creditEntry(long seq, long amount) {
        return new LedgerEntry("TX2", seq, EntryType.FUNDS_ADDED, amount, amount, NOW, new EntryDetails.Payment("ch_1"));
    }
}
