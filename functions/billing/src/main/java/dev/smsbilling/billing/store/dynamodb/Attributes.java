package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.http.auth.ApiKeyItem;

/** Attribute names of the table's items, shared by the item mappers and the expressions. */
final class Attributes {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String CREATED_AT = "createdAt";

    static final String BALANCE = "balanceMicros";
    static final String SEQ = "seq";
    static final String SUBSCRIPTION = "subscription";
    /** The account's customer at the payment processor ({@code cus_…}), set once. */
    static final String PAYMENT_CUSTOMER = "paymentCustomer";

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
    /**
     * A hold's own: which attempt holds it (unique per attempt, so an attempt knows its own hold
     * when the answer to taking it was lost), the charge it makes (kept when an abandoned hold is
     * taken over, new once a released key is held again, so the processor never replays the
     * charge of a request that was declined) and whether that charge may have been sent.
     */
    static final String HOLDER = "holder";
    static final String HOLD_CHARGE_KEY = "chargeKey";
    static final String CHARGE_STARTED = "chargeStarted";
    /**
     * The keys of the sparse index unsettled-top-ups: present only while a hold's charge may have
     * been sent and the hold is neither completed (the credit's Put replaces the item) nor
     * released (deleted). chargeStartedAt is when its charge was first about to be sent, kept
     * across takeovers: the processor's record of the charge cannot be older (for a hold of
     * before holds were named, the time of its takeover: such a hold is never released by the sweep).
     */
    static final String UNSETTLED_BUCKET = "unsettledBucket";
    static final String CHARGE_STARTED_AT = "chargeStartedAt";

    /*
     * Auto-charge settings and state on the account item. The scheduled auto-charge writes the
     * status, last error and decline count; a settings change resets them. Its claim and the
     * due index (dueBucket, dueSince) are the scheduled run's own and must not reuse these names.
     */
    static final String AUTO_CHARGE_ENABLED = "autoChargeEnabled";
    static final String AUTO_CHARGE_THRESHOLD = "autoChargeThresholdMicros";
    static final String AUTO_CHARGE_AMOUNT = "autoChargeAmountMicros";
    static final String AUTO_CHARGE_PAYMENT_METHOD = "autoChargePaymentMethod";
    static final String AUTO_CHARGE_STATUS = "autoChargeStatus";
    static final String AUTO_CHARGE_LAST_ERROR = "autoChargeLastError";
    static final String AUTO_CHARGE_DECLINES = "autoChargeConsecutiveDeclines";
    static final String AUTO_CHARGE_UPDATED_AT = "autoChargeUpdatedAt";

    /*
     * The scheduled run's own state on the account item. dueBucket and dueSince are the keys of
     * the sparse index auto-charge-due: present only while the account waits for a top-up.
     * dueId names the crossing and dueAttempt counts the declines recorded against it; with the
     * account id they derive the processor's idempotency key, so neither may change while a
     * charge may be in flight. The pending* attributes are that charge's intent, kept until its
     * outcome is recorded, so a retry after a crash repeats exactly the charge that may exist.
     */
    static final String DUE_BUCKET = "dueBucket";
    static final String DUE_SINCE = "dueSince";
    static final String DUE_ID = "dueId";
    static final String DUE_ATTEMPT = "dueAttempt";
    /** Epoch millis until which one run holds the account; a lapsed claim may be taken over. */
    static final String CLAIM_UNTIL = "claimUntil";
    static final String PENDING_CHARGE_KEY = "pendingChargeKey";
    static final String PENDING_PAYMENT_METHOD = "pendingPaymentMethod";
    static final String PENDING_AMOUNT = "pendingAmountMicros";
    /**
     * Present (true) while the pending charge has not been sent to the processor: such an intent
     * is only a plan, decided afresh from the settings by the next run. Its absence means the
     * charge may exist and must be settled whatever the settings say (and a pending charge of
     * before this attribute existed is taken the safe way: as possibly sent).
     */
    static final String PENDING_UNSENT = "pendingChargeUnsent";

    static final String ACCOUNT_ID = "accountId";
    /** Read by the authorizer without this module: see {@link ApiKeyItem}. */
    static final String REVOKED = ApiKeyItem.REVOKED;

    private Attributes() {
    }
}
