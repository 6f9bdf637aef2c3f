package dev.smsbilling.http.auth;

/**
 * Where an API key lives in the billing table: the store writes the item, the authorizer reads
 * it without the DynamoDB SDK (which would double its cold start), so the layout they must agree
 * on is kept here, in the one module both have.
 */
public final class ApiKeyItem {
    public static final String PARTITION_KEY = "pk";
    public static final String SORT_KEY = "sk";
    public static final String SORT_KEY_VALUE = "APIKEY";
    /** The account the key belongs to, a string. */
    public static final String ACCOUNT_ID = "accountId";
    /** A boolean; only an explicit false lets the key in, so a damaged item fails closed. */
    public static final String REVOKED = "revoked";

    private ApiKeyItem() {
    }

    /** The partition key of the key whose SHA-256 is {@code apiKeyHash} ({@link ApiKeys#hash}). */
    public static String partitionKey(String apiKeyHash) {
        return "APIKEY#" + apiKeyHash;
    }
}
