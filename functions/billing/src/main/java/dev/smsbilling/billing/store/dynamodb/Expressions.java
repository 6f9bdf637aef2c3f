package dev.smsbilling.billing.store.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every condition, update and key expression of the project. They are what keeps money exact
 * (no overdraft, no lost update, no second write for one key), so they live here alone and
 * ExpressionsTest pins each one verbatim: weakening one has to be a visible, reviewed edit.
 */
final class Expressions {

    /** Puts that must never overwrite: an account, an API key, a ledger entry. */
    static final String IS_NEW = "attribute_not_exists(pk)";
    static final String EXISTS = "attribute_exists(pk)";

    /**
     * The seq pins the account to the state the decision was made on (so balanceAfter is exact and
     * the ledger gapless); subscription and balance are re-checked by the database as well, so
     * a bug in the decision could refuse a debit but never overdraw or charge an inactive account.
     */
    static final String DEBIT_CONDITION = "#seq = :readSeq AND #subscription = :active AND #balance >= :amount";
    static final String DEBIT_UPDATE = "SET #balance = #balance - :amount, #seq = :nextSeq";

    static final String CREDIT_CONDITION = "#seq = :readSeq";
    static final String CREDIT_UPDATE = "SET #balance = #balance + :amount, #seq = :nextSeq";

    /**
     * Completing a key: it is new, or expired but not yet swept by TTL, or it is the IN_PROGRESS
     * hold of this very request (add-funds). Anything else is another request's key.
     */
    static final String IDEMPOTENCY_COMPLETE_CONDITION =
            "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
                    + " OR (#status = :inProgress AND #requestHash = :requestHash)";

    /**
     * Holding a key: as above, but an IN_PROGRESS hold is only taken over once it was abandoned,
     * or when it is this attempt's own (the answer to taking it was lost and the write is sent
     * again), which then is not a takeover.
     */
    static final String IDEMPOTENCY_BEGIN_CONDITION =
            "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
                    + " OR (#status = :inProgress AND #requestHash = :requestHash"
                    + " AND (#inProgressExpiresAt < :nowMillis OR #holder = :holder))";

    /**
     * The hold: this attempt's, for the same charge as an abandoned hold it takes over, and with
     * that charge's word on whether it may have been sent (both belong to the charge, not to the
     * attempt), or a new charge for a key held afresh. An answer stored under an expired key goes;
     * a charge left by another, expired request is replaced right after ({@link #HOLD_CHARGE_UPDATE}).
     */
    static final String IDEMPOTENCY_BEGIN_UPDATE = "SET #status = :inProgress, #requestHash = :requestHash,"
            + " #expiresAt = :expiresAt, #createdAt = :now, #inProgressExpiresAt = :holdUntil, #holder = :holder,"
            + " #chargeKey = if_not_exists(#chargeKey, :chargeKey)"
            + " REMOVE #responseStatus, #responseBody";

    /**
     * A charge that may have been sent is listed for the sweep (the sparse index
     * unsettled-top-ups) until its hold is completed or released, under the time it was first
     * about to be sent: a takeover that sends it again keeps that time.
     */
    private static final String LIST_UNSETTLED = "#chargeStarted = :true, #unsettledBucket = :unsettledBucket,"
            + " #chargeStartedAt = if_not_exists(#chargeStartedAt, :now)";

    /** The holder sets which charge its hold makes: afresh, or one that may exist (a hold of before holders were named). */
    static final String HOLD_CHARGE_CONDITION = "#holder = :holder";
    static final String HOLD_CHARGE_UPDATE = "SET #chargeKey = :chargeKey REMOVE #chargeStarted, #unsettledBucket, #chargeStartedAt";
    static final String HOLD_CHARGE_STARTED_UPDATE = "SET #chargeKey = :chargeKey, " + LIST_UNSETTLED;

    /** Before the card is charged: only the attempt that still holds the key may charge it. */
    static final String CHARGE_STARTED_CONDITION = "#status = :inProgress AND #holder = :holder";
    static final String CHARGE_STARTED_UPDATE = "SET " + LIST_UNSETTLED;

    /** The sweep reads the holds whose charge was about to be sent before a time, oldest first; never a Scan. */
    static final String UNSETTLED_TOP_UPS = "#unsettledBucket = :unsettledBucket AND #chargeStartedAt < :before";

    /**
     * Releasing a key deletes only our own hold, never a completed answer, nor a hold another
     * attempt took over from us (it may be charging under it: deleting its hold would unlist its
     * charge and free the key for a second one).
     */
    static final String IDEMPOTENCY_RELEASE_CONDITION = "#status = :inProgress AND #requestHash = :requestHash AND #holder = :holder";

    static final String SET_SUBSCRIPTION = "SET #subscription = :subscription";

    /**
     * The processor's customer is set once and never replaced: a second customer would split the
     * account's cards and charges between two, and a charge retried under the same key with
     * another customer is refused by the processor as a reused key.
     */
    static final String SAVE_PAYMENT_CUSTOMER_CONDITION = EXISTS + " AND attribute_not_exists(#paymentCustomer)";
    static final String SAVE_PAYMENT_CUSTOMER = "SET #paymentCustomer = :customer";

    /**
     * Replaces the settings and starts the failure history afresh: a customer who changes them has
     * usually fixed what was failing (a new card), so the next run deserves a clean try. Only on an
     * existing account ({@link #EXISTS}), so it can never create a half account. Balance and seq are
     * untouched: settings are not a balance change and must not conflict with one.
     */
    static final String SAVE_AUTO_CHARGE = "SET #autoChargeEnabled = :enabled, #autoChargeThreshold = :threshold,"
            + " #autoChargeAmount = :amount, #autoChargePaymentMethod = :paymentMethod, #autoChargeStatus = :ok,"
            + " #autoChargeDeclines = :zero, #autoChargeUpdatedAt = :now REMOVE #autoChargeLastError";
    static final String REVOKE_API_KEY = "SET #revoked = :revoked";

    /*
     * Auto-charge. An account is due while it carries dueBucket/dueSince (the sparse index) and
     * dueId/dueAttempt (what its charge key is derived from). Every clause that starts a due mark
     * uses if_not_exists, so a mark is only ever started once per crossing: a later debit or a
     * settings save cannot move the key of a charge that may already be in flight.
     */
    private static final String START_DUE = "#dueBucket = if_not_exists(#dueBucket, :dueBucket),"
            + " #dueSince = if_not_exists(#dueSince, :dueSince), #dueId = if_not_exists(#dueId, :dueId),"
            + " #dueAttempt = if_not_exists(#dueAttempt, :zero)";
    private static final String DUE_AND_CLAIM = "#dueBucket, #dueSince, #dueId, #dueAttempt, #claimUntil";
    private static final String PENDING = "#pendingChargeKey, #pendingPaymentMethod, #pendingAmount, #pendingChargeUnsent";
    /** No charge that may exist: none pending, or one that was never sent. */
    private static final String NOTHING_SENT = "(attribute_not_exists(#pendingChargeKey) OR attribute_exists(#pendingChargeUnsent))";

    /** When an account should wait for a top-up; the Java twin is {@code Account.shouldBeDueAt}. */
    static final String SHOULD_BE_DUE = "#autoChargeEnabled = :true AND NOT (#autoChargeStatus IN (:disabled, :actionRequired))"
            + " AND #subscription = :active AND #balance < #autoChargeThreshold";

    /** A debit that leaves the balance below the threshold marks the account due in its own transaction. */
    static final String DEBIT_MARKING_DUE_UPDATE = DEBIT_UPDATE + ", " + START_DUE;

    /**
     * After a settings save, when the saved state says the balance is already below: the condition
     * re-checks that on the item as it is now, so a save racing a top-up marks nothing stale.
     */
    static final String MARK_DUE_CONDITION = SHOULD_BE_DUE;
    static final String MARK_DUE_UPDATE = "SET " + START_DUE;

    /** The run finds due accounts through the sparse index, oldest crossing first; never a Scan. */
    static final String DUE_ACCOUNTS = "#dueBucket = :dueBucket";

    /**
     * One run takes one account: the same crossing and attempt it read (so its key is the right
     * one) and no live claim of another run. Balance and seq are untouched: a claim is not a
     * balance change and must not conflict with debits. There are two claims. A charge that may
     * have been sent is settled whatever the settings say now: the claim keeps it as it is.
     */
    private static final String CLAIMABLE = "#dueId = :dueId AND #dueAttempt = :dueAttempt"
            + " AND (attribute_not_exists(#claimUntil) OR #claimUntil < :nowMillis)";
    static final String CLAIM_CONDITION = CLAIMABLE
            + " AND attribute_exists(#pendingChargeKey) AND attribute_not_exists(#pendingChargeUnsent)";
    static final String CLAIM_UPDATE = "SET #claimUntil = :claimUntil";

    /**
     * Otherwise the account must still be due by its settings as they are now, and the charge is
     * planned afresh from them, not yet sent: a run that died before the processor leaves only a
     * plan, which a customer who turns auto-charge off (or changes the card) overrides.
     */
    static final String CLAIM_AFRESH_CONDITION = CLAIMABLE + " AND " + NOTHING_SENT + " AND (" + SHOULD_BE_DUE + ")";
    static final String CLAIM_AFRESH_UPDATE = "SET #claimUntil = :claimUntil, #pendingChargeKey = :chargeKey,"
            + " #pendingPaymentMethod = :paymentMethod, #pendingAmount = :amount, #pendingChargeUnsent = :true";

    /** Just before the charge is sent, by the run that still holds the claim: from now on it may exist. */
    static final String CHARGE_SENT_CONDITION = "#pendingChargeKey = :chargeKey AND #claimUntil = :claimUntil";
    static final String CHARGE_SENT_UPDATE = "REMOVE #pendingChargeUnsent";

    /**
     * The top-up's credit: seq-guarded like every balance change, and only while its charge is the
     * pending one, so of two runs holding the same charge exactly one credits it. It ends the
     * crossing: due mark, claim and intent go, and the failure history starts afresh.
     */
    static final String AUTO_CHARGE_CREDIT_CONDITION = "#seq = :readSeq AND #pendingChargeKey = :chargeKey";
    static final String AUTO_CHARGE_CREDIT_UPDATE = "SET #balance = #balance + :amount, #seq = :nextSeq,"
            + " #autoChargeStatus = :ok, #autoChargeDeclines = :zero"
            + " REMOVE #autoChargeLastError, " + DUE_AND_CLAIM + ", " + PENDING;

    /** A decline is recorded once, by whoever still holds its pending charge. */
    static final String AUTO_CHARGE_DECLINE_CONDITION = "#pendingChargeKey = :chargeKey";
    /** The account stays due; the next attempt gets a new key (a processor replays a declined key's decline). */
    static final String AUTO_CHARGE_DECLINE_UPDATE = "SET #autoChargeStatus = :failing, #autoChargeLastError = :error,"
            + " #autoChargeDeclines = :declines, #dueAttempt = :nextAttempt REMOVE #claimUntil, " + PENDING;
    /** The last decline allowed: no more tries until the customer changes the settings. */
    static final String AUTO_CHARGE_DISABLE_UPDATE = "SET #autoChargeStatus = :disabled, #autoChargeLastError = :error,"
            + " #autoChargeDeclines = :declines REMOVE " + DUE_AND_CLAIM + ", " + PENDING;

    /**
     * The card asks its holder to authenticate: no run can, so the account stops being due, as
     * when disabled, but the declines are not counted (the card did not fail).
     */
    static final String AUTO_CHARGE_ACTION_REQUIRED_UPDATE = "SET #autoChargeStatus = :actionRequired,"
            + " #autoChargeLastError = :error REMOVE " + DUE_AND_CLAIM + ", " + PENDING;

    /** A top-up by hand (the holder was there) resumes an auto-charge that waited for them; nothing else. */
    static final String RESUME_AUTO_CHARGE_CONDITION = "#autoChargeStatus = :actionRequired";
    static final String RESUME_AUTO_CHARGE_UPDATE = "SET #autoChargeStatus = :ok, #autoChargeDeclines = :zero"
            + " REMOVE #autoChargeLastError";

    /**
     * Giving a claim back with the charge's outcome unknown (processor unreachable): the intent
     * stays, so the next run asks again with the same key. Only our own claim.
     */
    static final String RELEASE_CLAIM_CONDITION = "#pendingChargeKey = :chargeKey AND #claimUntil = :claimUntil";
    static final String RELEASE_CLAIM_UPDATE = "REMOVE #claimUntil";

    /**
     * Clearing a mark that no longer means anything (disabled, topped up by hand, subscription
     * ended): only the crossing that was read, never with a charge that may have been sent or a
     * live claim, and only while the account still should not be due, so a save that re-enables
     * it keeps its mark. A plan that was never sent goes with it.
     */
    static final String CLEAR_STALE_DUE_CONDITION = "#dueId = :dueId AND " + NOTHING_SENT
            + " AND (attribute_not_exists(#claimUntil) OR #claimUntil < :nowMillis) AND NOT (" + SHOULD_BE_DUE + ")";
    static final String CLEAR_STALE_DUE_UPDATE = "REMOVE " + DUE_AND_CLAIM + ", " + PENDING;

    static final String LEDGER_NEWEST = "pk = :pk AND begins_with(sk, :ledgerPrefix)";
    static final String LEDGER_RANGE = "pk = :pk AND sk BETWEEN :first AND :last";

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#\\w+");
    private static final Map<String, String> ATTRIBUTE_OF_PLACEHOLDER = Map.ofEntries(
            Map.entry("#seq", Attributes.SEQ),
            Map.entry("#subscription", Attributes.SUBSCRIPTION),
            Map.entry("#paymentCustomer", Attributes.PAYMENT_CUSTOMER),
            Map.entry("#balance", Attributes.BALANCE),
            Map.entry("#expiresAt", Attributes.EXPIRES_AT),
            Map.entry("#status", Attributes.IDEMPOTENCY_STATUS),
            Map.entry("#requestHash", Attributes.REQUEST_HASH),
            Map.entry("#inProgressExpiresAt", Attributes.IN_PROGRESS_EXPIRES_AT),
            Map.entry("#holder", Attributes.HOLDER),
            Map.entry("#chargeKey", Attributes.HOLD_CHARGE_KEY),
            Map.entry("#chargeStarted", Attributes.CHARGE_STARTED),
            Map.entry("#unsettledBucket", Attributes.UNSETTLED_BUCKET),
            Map.entry("#chargeStartedAt", Attributes.CHARGE_STARTED_AT),
            Map.entry("#createdAt", Attributes.CREATED_AT),
            Map.entry("#responseStatus", Attributes.RESPONSE_STATUS),
            Map.entry("#responseBody", Attributes.RESPONSE_BODY),
            Map.entry("#revoked", Attributes.REVOKED),
            Map.entry("#autoChargeEnabled", Attributes.AUTO_CHARGE_ENABLED),
            Map.entry("#autoChargeThreshold", Attributes.AUTO_CHARGE_THRESHOLD),
            Map.entry("#autoChargeAmount", Attributes.AUTO_CHARGE_AMOUNT),
            Map.entry("#autoChargePaymentMethod", Attributes.AUTO_CHARGE_PAYMENT_METHOD),
            Map.entry("#autoChargeStatus", Attributes.AUTO_CHARGE_STATUS),
            Map.entry("#autoChargeLastError", Attributes.AUTO_CHARGE_LAST_ERROR),
            Map.entry("#autoChargeDeclines", Attributes.AUTO_CHARGE_DECLINES),
            Map.entry("#autoChargeUpdatedAt", Attributes.AUTO_CHARGE_UPDATED_AT),
            Map.entry("#dueBucket", Attributes.DUE_BUCKET),
            Map.entry("#dueSince", Attributes.DUE_SINCE),
            Map.entry("#dueId", Attributes.DUE_ID),
            Map.entry("#dueAttempt", Attributes.DUE_ATTEMPT),
            Map.entry("#claimUntil", Attributes.CLAIM_UNTIL),
            Map.entry("#pendingChargeKey", Attributes.PENDING_CHARGE_KEY),
            Map.entry("#pendingPaymentMethod", Attributes.PENDING_PAYMENT_METHOD),
            Map.entry("#pendingAmount", Attributes.PENDING_AMOUNT),
            Map.entry("#pendingChargeUnsent", Attributes.PENDING_UNSENT));

    private Expressions() {
    }

    /**
     * The ExpressionAttributeNames for exactly the placeholders used (DynamoDB rejects unused
     * ones), or null when there are none (it rejects an empty map too).
     */
    static Map<String, String> namesFor(String... expressions) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String expression : expressions) {
            Matcher matcher = NAME_PLACEHOLDER.matcher(expression);
            while (matcher.find()) {
                String placeholder = matcher.group();
                String attribute = ATTRIBUTE_OF_PLACEHOLDER.get(placeholder);
                if (attribute == null) {
                    throw new IllegalStateException("no attribute for placeholder " + placeholder);
                }
                names.put(placeholder, attribute);
            }
        }
        return names.isEmpty() ? null : names;
    }
}
