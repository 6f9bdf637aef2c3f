package dev.smsbilling.local;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers the gateway gives itself, without a function, in the API's error envelope.
 * API Gateway answers these with its own plain {@code {"message": "..."}} bodies; locally they
 * use the envelope so a client sees one error shape (see {@link Gateway} for each difference).
 */
enum GatewayError {
    UNAUTHORIZED(401, "unauthorized", "Unauthorized", "A valid API key is required in the Authorization header."),
    /** Not in the API's table: only a non-loopback caller of an internal route can meet it. */
    FORBIDDEN(403, "forbidden", "Forbidden", "Internal routes are served to loopback clients only."),
    NOT_FOUND(404, "not_found", "Not Found", "No route matches this method and path."),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload Too Large", "The request body is larger than 64 KiB."),
    INTERNAL_ERROR(500, "internal_error", "Internal Error",
            "An unexpected error occurred. The request had no effect, or is safe to retry with its Idempotency-Key.");

    private final int status;
    private final String code;
    private final String title;
    private final String message;

    GatewayError(int status, String code, String title, String message) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.message = message;
    }

    GatewayResponse response() {
        ObjectNode envelope = LocalJson.MAPPER.createObjectNode()
                .put("message", message)
                .put("code", code)
                .put("status", status)
                .put("title", title);
        return GatewayResponse.json(status, envelope.toString());
    }
}
