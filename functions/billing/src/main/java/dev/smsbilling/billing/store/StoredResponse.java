package dev.smsbilling.billing.store;

import java.util.Objects;

/** An HTTP answer kept byte for byte, so a retry gets exactly what the first request got. */
public record StoredResponse(int statusCode, String body) {
    public StoredResponse {
        Objects.requireNonNull(body, "body");
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + statusCode);
        }
    }
}
