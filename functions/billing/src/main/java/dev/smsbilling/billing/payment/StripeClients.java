package dev.smsbilling.billing.payment;

import com.stripe.StripeClient;

/**
 * Builds one client per function instance. An instance rather than the static
 * {@code Stripe.apiKey}: the key and the base URL then belong to this processor alone, and
 * tests can point one at a fake server without touching global state.
 */
final class StripeClients {
    private StripeClients() {
    }

    static StripeClient create(String secretKey, StripeConfig config) {
        requireSecretKey(secretKey);
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(config.apiBase())
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(config.readTimeout().toMillis()))
                .setMaxNetworkRetries(config.maxNetworkRetries())
                .build();
    }

    /** A publishable key would fail on every charge with a 401; say so at start-up instead. The key is never quoted. */
    private static void requireSecretKey(String key) {
        if (key == null || !(key.startsWith("sk_") || key.startsWith("rk_"))) {
            throw new IllegalArgumentException("the Stripe key must be a secret (sk_...) or restricted (rk_...) key");
        }
    }
}
