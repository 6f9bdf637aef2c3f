package dev.smsbilling.billing.store;

/**
 * This invocation now holds the key until it completes (credit) or releases it (a 4xx).
 *
 * @param resumed the hold was taken over from an abandoned attempt of the same request, which
 *     may have done its irreversible part (charged a card) before it died
 */
public record Started(String key, boolean resumed) implements BeginResult {

    /** A fresh hold: no earlier attempt of this request was in flight. */
    public Started(String key) {
        this(key, false);
    }
}
