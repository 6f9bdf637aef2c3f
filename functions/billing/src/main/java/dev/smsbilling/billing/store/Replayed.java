package dev.smsbilling.billing.store;

import java.util.Objects;

/** The same request was completed before: return {@code response} again, byte for byte. */
public record Replayed(StoredResponse response) implements KeySeenBefore {
    public Replayed {
        Objects.requireNonNull(response, "response");
    }
}
