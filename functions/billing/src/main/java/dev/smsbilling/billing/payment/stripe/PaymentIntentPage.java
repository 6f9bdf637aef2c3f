package dev.smsbilling.billing.payment.stripe;

import java.util.List;

/** One page of a PaymentIntent list, newest first, as Stripe pages every list. */
record PaymentIntentPage(List<PaymentIntent> intents, boolean hasMore) {
    PaymentIntentPage {
        intents = List.copyOf(intents);
    }
}
