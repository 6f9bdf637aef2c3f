package dev.smsbilling.billing.store;

/** Attribute names of the table's items, shared by the item mappers and the expressions. */
final class Attributes {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String CREATED_AT = "createdAt";

    static final String BALANCE = "balanceMicros";
    static final String SEQ = "seq";
    static final String SUBSCRIPTION = "subscription";

    static final String ID = "id";
    static final String TYPE = "type";
    static final String AMOUNT = "amountMicros";
    static final String BALANCE_AFTER = "balanceAfterMicros";
    static final String MESSAGE_ID = "messageId";
    static final String TO = "to";
    static final String FROM = "from";
    static final String SEGMENTS = "segments";
    static final String COUNTRY = "country";
    static final String PER_SEGMENT = "perSegmentMicros";
    static final String ENCODING = "encoding";
    static final String COST = "costMicros";
    static final String RATE_TABLE_VERSION = "rateTableVersion";
    static final String MESSAGE_STATUS = "status";
    static final String PAYMENT_REFERENCE = "paymentReference";

    static final String REQUEST_HASH = "requestHash";
    static final String IDEMPOTENCY_STATUS = "status";
    static final String RESPONSE_STATUS = "responseStatus";
    static final String RESPONSE_BODY = "responseBody";
    /** The table's TTL attribute (template.yaml), epoch seconds. */
    static final String EXPIRES_AT = "expiresAt";
    static final String IN_PROGRESS_EXPIRES_AT = "inProgressExpiresAt";

    static final String ACCOUNT_ID = "accountId";
    static final String REVOKED = "revoked";

    private Attributes() {
    }
}
