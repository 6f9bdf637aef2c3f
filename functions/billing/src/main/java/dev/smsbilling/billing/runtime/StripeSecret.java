package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.http.Settings;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the Stripe secret key comes from. Never from template.yaml: a deployed function names a
 * Secrets Manager secret in {@code PAYMENT_SECRET_NAME} (the template's PaymentSecretName), and a
 * local run may set the key itself in {@code STRIPE_SECRET_KEY}.
 *
 * <p>The supplier is called when the first charge needs the key, after a SnapStart restore, and
 * its answer is kept for the instance's life (the Stripe adapter does both). A rotated key
 * therefore reaches instances started after the rotation; old ones keep the old key until Lambda
 * retires them, so keep the old key valid for a day after rotating. Nothing here fails a
 * function's start: a missing setting or an unreadable secret fails each charge with a 503
 * that says so, and the function stays up for everything else.
 */
public final class StripeSecret {
    static final String KEY_VARIABLE = "STRIPE_SECRET_KEY";
    static final String SECRET_NAME_VARIABLE = "PAYMENT_SECRET_NAME";

    private StripeSecret() {
    }

    public static Supplier<String> fromSettings(Settings settings) {
        return from(settings, () -> AwsAccess.fromSettings(settings));
    }

    /** @param aws how the function's other clients reach AWS, so the instance fetches its credentials once */
    static Supplier<String> fromSettings(Settings settings, AwsAccess aws) {
        return from(settings, () -> aws);
    }

    /** @param aws asked for only when a secret is named */
    private static Supplier<String> from(Settings settings, Supplier<AwsAccess> aws) {
        Optional<String> key = settings.optional(KEY_VARIABLE);
        if (key.isPresent()) {
            return key::get;
        }
        Optional<String> secretName = settings.optional(SECRET_NAME_VARIABLE);
        if (secretName.isPresent()) {
            return SecretsManagerSecret.of(aws.get(), secretName.get());
        }
        return () -> {
            throw new IllegalStateException("PAYMENT_PROCESSOR=stripe needs " + SECRET_NAME_VARIABLE
                    + " (a Secrets Manager secret) or " + KEY_VARIABLE);
        };
    }
}
