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
    static final String REVOKE_API_KEY = "SET #revoked = :revoked";

    static final String LEDGER_NEWEST = "pk = :pk AND begins_with(sk, :ledgerPrefix)";
    static final String LEDGER_RANGE = "pk = :pk AND sk BETWEEN :first AND :last";

    private static final Pattern NAME_PLACEHOLDER = Pattern.compile("#\\w+");
    private static final Map<String, String> ATTRIBUTE_OF_PLACEHOLDER = Map.of(
            "#seq", Attributes.SEQ,
            "#subscription", Attributes.SUBSCRIPTION,
            "#balance", Attributes.BALANCE,
            "#expiresAt", Attributes.EXPIRES_AT,
            "#status", Attributes.IDEMPOTENCY_STATUS,
            "#requestHash", Attributes.REQUEST_HASH,
            "#inProgressExpiresAt", Attributes.IN_PROGRESS_EXPIRES_AT,
            "#revoked", Attributes.REVOKED);

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
