package dev.smsbilling.billing.payment.stripe;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Stripe adapter talks to Stripe. The defaults suit a Lambda: short timeouts, because a
 * hung call would otherwise eat the invocation, and two retries, because the adapter resends
 * with the same idempotency key and so can never charge twice. The worst case is
 * (1 + retries) x readTimeout plus the back-off (0.5 s, then at most 1 s): about 17 s with
 * the defaults, which the function's timeout has to cover.
 */
public record StripeConfig(String apiBase, Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {
    public static final String STRIPE_API_BASE = "https://api.stripe.com";

    public StripeConfig {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxNetworkRetries < 0) {
            throw new IllegalArgumentException("maxNetworkRetries must not be negative: " + maxNetworkRetries);
        }
    }

    public static StripeConfig defaults() {
        return new StripeConfig(STRIPE_API_BASE, Duration.ofSeconds(2), Duration.ofSeconds(5), 2);
    }

    /** Another server speaking Stripe's API: a test double, or a mock server for local runs. */
    public StripeConfig withApiBase(String base) {
        return new StripeConfig(base, connectTimeout, readTimeout, maxNetworkRetries);
    }

    public StripeConfig withReadTimeout(Duration timeout) {
        return new StripeConfig(apiBase, connectTimeout, timeout, maxNetworkRetries);
    }
}
