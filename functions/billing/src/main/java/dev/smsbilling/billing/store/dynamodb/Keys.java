package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.http.auth.ApiKeyItem;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of every item kind. Ledger sort keys are zero-padded so that string order is seq order,
 * which is what lets one Query read a statement newest first.
 */
final class Keys {
    static final String ACCOUNT_PREFIX = "ACCOUNT#";
    static final String LEDGER_PREFIX = "TX#";
    static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";
    static final String PAYMENT_PREFIX = "PAYMENT#";
    static final String PAYMENT_SK = "PAYMENT";
    private static final long MAX_SEQ = 999_999_999_999L;

    private Keys() {
    }

    static String accountPk(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        return ACCOUNT_PREFIX + accountId;
    }

    static Map<String, AttributeValue> account(String accountId) {
        return key(accountPk(accountId), "ACCOUNT");
    }

    static String ledgerSk(long seq) {
        if (seq < 0 || seq > MAX_SEQ) {
            throw new IllegalArgumentException("ledger seq out of range: " + seq);
        }
        return String.format("%s%012d", LEDGER_PREFIX, seq);
    }

    static Map<String, AttributeValue> ledgerEntry(String accountId, long seq) {
        return key(accountPk(accountId), ledgerSk(seq));
    }

    static Map<String, AttributeValue> idempotency(String accountId, String idempotencyKey) {
        return key(accountPk(accountId), IDEMPOTENCY_PREFIX + idempotencyKey);
    }

    /**
     * The guard of a processor charge: one item per payment reference, for ever, so a charge is
     * credited at most once whatever happens to idempotency keys and their 24 hours. Its own
     * partition, not the account's: the reference is unique across accounts.
     */
    static Map<String, AttributeValue> payment(String paymentReference) {
        if (paymentReference == null || paymentReference.isBlank()) {
            throw new IllegalArgumentException("paymentReference must not be blank");
        }
        return key(PAYMENT_PREFIX + paymentReference, PAYMENT_SK);
    }

    static Map<String, AttributeValue> apiKey(String apiKeyHash) {
        return key(ApiKeyItem.partitionKey(apiKeyHash), ApiKeyItem.SORT_KEY_VALUE);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Attributes.PK, AttributeValue.fromS(pk), Attributes.SK, AttributeValue.fromS(sk));
    }
}
