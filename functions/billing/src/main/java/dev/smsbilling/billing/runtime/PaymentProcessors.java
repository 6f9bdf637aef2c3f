package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.payment.stripe.StripeConfig;
import dev.smsbilling.billing.payment.stripe.StripePaymentProcessor;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.Settings;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The payment processor of a function instance, chosen by {@code PAYMENT_PROCESSOR}. The sandbox
 * is the default so that local runs and tests never need a Stripe key; a deployment that takes
 * real money says {@code stripe} in its template.
 */
public final class PaymentProcessors {
    static final String PROCESSOR_VARIABLE = "PAYMENT_PROCESSOR";
    static final String API_BASE_VARIABLE = "STRIPE_API_BASE";
    /** Not a secret: the key a page loads Stripe's script with, to confirm a card's setup. */
    static final String PUBLISHABLE_KEY_VARIABLE = "STRIPE_PUBLISHABLE_KEY";

    private static final ChargeRequest PRIMING_CHARGE =
            new ChargeRequest("cus_priming", "pm_card_visa", 10_000_000, "priming", "SnapStart priming");
    private PaymentProcessors() {
    }

    /** The Secrets Manager client, when the processor is Stripe, is built here: before a snapshot, like the others. */
    public static PaymentProcessor fromSettings(Settings settings) {
        return choose(settings, () -> StripeSecret.fromSettings(settings));
    }

    /** As {@link #fromSettings(Settings)}, reaching AWS as the function's other clients do: one set of credentials to fetch. */
    public static PaymentProcessor fromSettings(Settings settings, AwsAccess aws) {
        return choose(settings, () -> StripeSecret.fromSettings(settings, aws));
    }

    /** @param stripeSecret read by the Stripe adapter when its first charge needs the key, never here */
    public static PaymentProcessor fromSettings(Settings settings, Supplier<String> stripeSecret) {
        return choose(settings, () -> stripeSecret);
    }

    /** @param stripeSecret asked for only when the processor is Stripe */
    private static PaymentProcessor choose(Settings settings, Supplier<Supplier<String>> stripeSecret) {
        String name = settings.optional(PROCESSOR_VARIABLE).orElse("sandbox").toLowerCase(Locale.ROOT);
        switch (name) {
            case "sandbox":
                // On a sandbox of its own, dropped afterwards: the function's sandbox keeps every
                // answer, and must not start with one from before the snapshot.
                Priming.beforeSnapshot("sandbox processor", () -> new SandboxPaymentProcessor().charge(PRIMING_CHARGE));
                return SandboxPaymentProcessor.shared();
            case "stripe":
                StripeConfig config = settings.optional(API_BASE_VARIABLE)
                        .map(StripeConfig.defaults()::withApiBase)
                        .orElse(StripeConfig.defaults());
                return StripePaymentProcessor.create(stripeSecret.get(), config,
                        settings.optional(PUBLISHABLE_KEY_VARIABLE).filter(key -> !key.isBlank()));
            default:
                throw new IllegalStateException(PROCESSOR_VARIABLE + " must be sandbox or stripe, not: " + name);
        }
    }
}
