package dev.smsbilling.billing.payment.stripe;

/** The few fields read of Stripe's objects other than the PaymentIntent. */
final class StripeObjects {
    private StripeObjects() {
    }

    /** A SetupIntent as created: what the page confirms it with. */
    record SetupIntent(String id, String clientSecret) {
    }

    /** A PaymentMethod: the customer it is saved to, null when none. */
    record PaymentMethod(String id, String customer) {
    }
}
