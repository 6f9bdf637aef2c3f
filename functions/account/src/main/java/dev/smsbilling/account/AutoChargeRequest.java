package dev.smsbilling.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.payment.PaymentMethods;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.http.JsonBody;
import dev.smsbilling.http.Validation;
import java.util.Optional;

/**
 * The body of {@code PUT /v1/billing/auto-charge}. It replaces the settings: {@code enabled} is
 * always required; turning it on needs the threshold, the amount and the payment method, while
 * turning it off may leave them out (they then read back as the defaults of
 * {@link AutoChargeSettings#DEFAULT}). Every value given is checked either way.
 */
final class AutoChargeRequest {
    private AutoChargeRequest() {
    }

    static AutoChargeSettings parse(String json) {
        ObjectNode body = JsonBody.parseObject(json);
        Validation v = new Validation();
        Boolean enabled = v.requiredBoolean(body.get("enabled"), "enabled");
        boolean on = Boolean.TRUE.equals(enabled);
        Long threshold = on ? v.requiredLong(body.get("thresholdMicros"), "thresholdMicros")
                : v.optionalLong(body.get("thresholdMicros"), "thresholdMicros");
        Long amount = on ? v.requiredLong(body.get("amountMicros"), "amountMicros")
                : v.optionalLong(body.get("amountMicros"), "amountMicros");
        String paymentMethod = on ? v.requiredString(body.get("paymentMethod"), "paymentMethod")
                : v.optionalString(body.get("paymentMethod"), "paymentMethod");
        if (threshold != null && !AutoChargeSettings.isValidThreshold(threshold)) {
            v.reject("thresholdMicros", "must be whole cents from 1000000 to 1000000000 micro-dollars ($1 to $1,000)");
        }
        if (amount != null && !AutoChargeSettings.isValidAmount(amount)) {
            v.reject("amountMicros", "must be whole cents from 10000000 to 5000000000 micro-dollars ($10 to $5,000)");
        }
        if (paymentMethod != null && !PaymentMethods.isValid(paymentMethod)) {
            v.reject("paymentMethod", PaymentMethods.rule());
        }
        v.throwIfInvalid();
        AutoChargeSettings defaults = AutoChargeSettings.DEFAULT;
        return new AutoChargeSettings(on,
                threshold != null ? threshold : defaults.thresholdMicros(),
                amount != null ? amount : defaults.amountMicros(),
                Optional.ofNullable(paymentMethod));
    }
}
