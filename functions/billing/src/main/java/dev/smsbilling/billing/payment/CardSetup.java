package dev.smsbilling.billing.payment;

import java.util.Objects;

/**
 * What a page needs to save a card to the account's customer for charges made without the
 * customer present: the processor's setup (Stripe: a SetupIntent with {@code usage=off_session})
 * and its client secret, which the page confirms with the processor's own script and the
 * publishable key, so the card's details never pass through us.
 */
public record CardSetup(String setupId, String clientSecret, String publishableKey) {
    public CardSetup {
        Objects.requireNonNull(setupId, "setupId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(publishableKey, "publishableKey");
    }
}
