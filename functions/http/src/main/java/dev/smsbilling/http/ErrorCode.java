package dev.smsbilling.http;

/**
 * The stable machine codes of the error envelope, one per row of the API's error table.
 *
 * <p>The {@code code} strings are part of the public contract: renaming one is a breaking
 * change. {@link #METHOD_NOT_ALLOWED} is an addition to the published table, for a known path
 * called with the wrong method (the response carries an {@code Allow} header).
 */
public enum ErrorCode {
    INVALID_REQUEST(400, "invalid_request", "Invalid Request",
            "The request is not valid."),
    MMS_NOT_SUPPORTED(400, "mms_not_supported", "MMS Not Supported",
            "Only text messages can be sent: media, mediaUrls and attachments are not supported."),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized",
            "A valid API key is required in the Authorization header."),
    INSUFFICIENT_FUNDS(402, "insufficient_funds", "Not Enough Credits",
            "The account does not have enough prepaid credit to send this message."),
    PAYMENT_DECLINED(402, "payment_declined", "Payment Declined",
            "The payment method was declined; nothing was credited."),
    SUBSCRIPTION_INACTIVE(403, "subscription_inactive", "Subscription Inactive",
            "The account has no active subscription."),
    NOT_FOUND(404, "not_found", "Not Found",
            "The requested resource does not exist."),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method Not Allowed",
            "This method is not allowed on this path."),
    REQUEST_IN_PROGRESS(409, "request_in_progress", "Request In Progress",
            "A request with this Idempotency-Key is being processed right now; retry shortly."),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload Too Large",
            "The request body is larger than 64 KiB."),
    DESTINATION_NOT_SUPPORTED(422, "destination_not_supported", "Destination Not Supported",
            "Messages to this destination country are not supported."),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency_key_reused", "Idempotency Key Reused",
            "This Idempotency-Key was already used with a different request body."),
    RATE_LIMITED(429, "rate_limited", "Too Many Requests",
            "Too many requests for this API key; slow down and retry."),
    INTERNAL_ERROR(500, "internal_error", "Internal Error",
            "An unexpected error occurred. The request had no effect, or is safe to retry with its Idempotency-Key."),
    PAYMENT_UNAVAILABLE(503, "payment_unavailable", "Payment Unavailable",
            "The payment processor could not be reached; nothing was credited. Retry with the same Idempotency-Key."),
    ACCOUNT_BUSY(503, "account_busy", "Account Busy",
            "Too many concurrent writes on this account to finish in time; nothing changed. Retry after Retry-After seconds."),
    OUTCOME_UNKNOWN(503, "outcome_unknown", "Outcome Unknown",
            "The database did not confirm in time whether this request was applied. Retry with the same Idempotency-Key,"
                    + " which answers what happened, or read the statement before sending it again.");

    private final int status;
    private final String code;
    private final String title;
    private final String defaultMessage;

    ErrorCode(int status, String code, String title, String defaultMessage) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.defaultMessage = defaultMessage;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
