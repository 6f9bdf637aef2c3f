package dev.smsbilling.billing.runtime;

import dev.smsbilling.http.Settings;
import java.util.function.Supplier;

/**
 * Where the Stripe secret key comes from. Never from template.yaml: a deployed function names a
 * Secrets Manager secret in {@code PAYMENT_SECRET_NAME}, and a local run may set the key itself
 * in {@code STRIPE_SECRET_KEY}.
 *
 * <p>Reading Secrets Manager needs its SDK client, which is not a dependency yet. Until it is,
 * {@link #fromSettings} serves only {@code STRIPE_SECRET_KEY}; the loader will be a
 * {@code Supplier<String>} passed to {@link PaymentProcessors#fromSettings(Settings, Supplier)},
 * called once when the function instance starts. With SnapStart that is before the snapshot,
 * so a rotated key reaches new versions only: publish a version after rotating.
 */
public final class StripeSecret {
    static final String KEY_VARIABLE = "STRIPE_SECRET_KEY";
    static final String SECRET_NAME_VARIABLE = "PAYMENT_SECRET_NAME";

    private StripeSecret() {
    }

    public static Supplier<String> fromSettings(Settings settings) {
        return () -> settings.optional(KEY_VARIABLE).orElseThrow(() -> new IllegalStateException(
                settings.optional(SECRET_NAME_VARIABLE).isPresent()
                        ? SECRET_NAME_VARIABLE + " is set but reading Secrets Manager is not built yet; set "
                                + KEY_VARIABLE + " or pass a loader to PaymentProcessors.fromSettings"
                        : KEY_VARIABLE + " is not set, and PAYMENT_PROCESSOR=stripe needs a Stripe secret key"));
    }
}
