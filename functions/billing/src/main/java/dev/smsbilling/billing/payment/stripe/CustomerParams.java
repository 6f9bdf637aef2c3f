package dev.smsbilling.billing.payment.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/** The form parameters of the Customer created for one account, named as Stripe's API reference names them. */
final class CustomerParams {
    /** The metadata field that names our account on its customer (the dashboard, and events about it, show it). */
    static final String ACCOUNT_ID = "account_id";

    private CustomerParams() {
    }

    static Map<String, String> of(String accountId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("description", "SMS billing account " + accountId);
        params.put("metadata[" + ACCOUNT_ID + "]", accountId);
        return params;
    }
}
