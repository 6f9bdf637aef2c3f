package dev.smsbilling.billing.payment.stripe;

import dev.smsbilling.billing.payment.PaymentNotAttempted;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Stripe secret key of a function instance, read from its source (Secrets Manager, in AWS)
 * when the first charge needs it, then kept for the instance's life. Never before: under
 * SnapStart the constructor runs before the snapshot, and a key read there would sit in every
 * snapshot copy and be read with the credentials of the publishing run. A failed read is not
 * kept, so the next charge tries again, and it charges nothing ({@link PaymentNotAttempted}).
 */
final class StripeKey {
    private final Supplier<String> source;
    private volatile String key;

    /** @param source may throw when the key cannot be read; called until it answers a valid key */
    StripeKey(Supplier<String> source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    String get() throws PaymentNotAttempted {
        String known = key;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (key == null) {
                key = requireSecretKey(read());
            }
            return key;
        }
    }

    /** Stripe refused the key (rotated, revoked): the next charge reads the source again. */
    void forget() {
        key = null;
    }

    private String read() throws PaymentNotAttempted {
        try {
            return source.get();
        } catch (RuntimeException e) {
            // The cause is kept: it names the secret and the service's error, never the key's value.
            throw new PaymentNotAttempted("the Stripe secret key could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A publishable key would fail every charge with a 401; refuse it before it is sent. The key is never quoted. */
    private static String requireSecretKey(String key) throws PaymentNotAttempted {
        String trimmed = key == null ? "" : key.strip();
        if (!(trimmed.startsWith("sk_") || trimmed.startsWith("rk_"))) {
            throw new PaymentNotAttempted("the configured Stripe key is not a secret (sk_...) or restricted (rk_...) key");
        }
        return trimmed;
    }
}
