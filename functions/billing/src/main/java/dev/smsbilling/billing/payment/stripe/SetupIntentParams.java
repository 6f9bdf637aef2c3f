package dev.smsbilling.billing.payment.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form parameters of the SetupIntent that saves a card to an account's customer, named as
 * Stripe's API reference names them: off-session, because auto-charge charges without the
 * customer present, which is what a card must be authenticated for when it is saved.
 */
final class SetupIntentParams {
    private SetupIntentParams() {
    }

    static Map<String, String> of(String customer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("customer", customer);
        params.put("usage", "off_session");
        params.put("payment_method_types[0]", "card");
        return params;
    }
}
