package dev.smsbilling.billing.store;

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

    /** Holding a key: as above, but an IN_PROGRESS hold is only taken over once it was abandoned. */
    static final String IDEMPOTENCY_BEGIN_CONDITION =
            "attribute_not_exists(pk) OR #expiresAt < :nowSeconds"
                    + " OR (#status = :inProgress AND #requestHash = :requestHash AND #inProgressExpiresAt < :nowMillis)";

    /** Releasing a key after a 4xx deletes only our own hold, never a completed answer. */
    static final String IDEMPOTENCY_RELEASE_CONDITION = "#status = :inProgress AND #requestHash = :requestHash";

    static final String SET_SUBSCRIPTION = "SET #subscription = :subscription";

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

    static final String LEDGER_NEWEST = "pk = :pk AND begins_with(sk, :ledgerPrefix)";
    static final String LEDGER_RANGE = "pk = :pk AND sk BETWEEN :first AND :last";

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#\\w+");
    private static final Map<String, String> ATTRIBUTE_OF_PLACEHOLDER = Map.ofEntries(
            Map.entry("#seq", Attributes.SEQ),
            Map.entry("#subscription", Attributes.SUBSCRIPTION),
            Map.entry("#balance", Attributes.BALANCE),
            Map.entry("#expiresAt", Attributes.EXPIRES_AT),
            Map.entry("#status", Attributes.IDEMPOTENCY_STATUS),
            Map.entry("#requestHash", Attributes.REQUEST_HASH),
            Map.entry("#inProgressExpiresAt", Attributes.IN_PROGRESS_EXPIRES_AT),
            Map.entry("#revoked", Attributes.REVOKED),
            Map.entry("#autoChargeEnabled", Attributes.AUTO_CHARGE_ENABLED),
            Map.entry("#autoChargeThreshold", Attributes.AUTO_CHARGE_THRESHOLD),
            Map.entry("#autoChargeAmount", Attributes.AUTO_CHARGE_AMOUNT),
            Map.entry("#autoChargePaymentMethod", Attributes.AUTO_CHARGE_PAYMENT_METHOD),
            Map.entry("#autoChargeStatus", Attributes.AUTO_CHARGE_STATUS),
            Map.entry("#autoChargeLastError", Attributes.AUTO_CHARGE_LAST_ERROR),
            Map.entry("#autoChargeDeclines", Attributes.AUTO_CHARGE_DECLINES),
            Map.entry("#autoChargeUpdatedAt", Attributes.AUTO_CHARGE_UPDATED_AT));

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
