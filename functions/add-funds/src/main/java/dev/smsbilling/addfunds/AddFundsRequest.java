package dev.smsbilling.addfunds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.payment.PaymentMethods;
import dev.smsbilling.http.JsonBody;
import dev.smsbilling.http.Validation;

/**
 * {@code {"amountMicros": 25000000, "paymentMethod": "pm_..."}}: whole cents from $5 to $5,000,
 * since a card is charged in cents and anything finer could not be charged exactly.
 */
record AddFundsRequest(long amountMicros, String paymentMethod) {
    static final long MICROS_PER_CENT = 10_000;
    static final long MIN_MICROS = 5_000_000;
    static final long MAX_MICROS = 5_000_000_000L;

    static AddFundsRequest parse(String json) {
        ObjectNode body = JsonBody.parseObject(json);
        Validation v = new Validation();
        Long amount = v.requiredLong(body.get("amountMicros"), "amountMicros");
        String paymentMethod = v.requiredString(body.get("paymentMethod"), "paymentMethod");
        if (amount != null && (amount < MIN_MICROS || amount > MAX_MICROS)) {
            v.reject("amountMicros", "must be from 5000000 to 5000000000 micro-dollars ($5 to $5,000)");
        } else if (amount != null && amount % MICROS_PER_CENT != 0) {
            v.reject("amountMicros", "must be a whole number of cents (a multiple of 10000 micro-dollars)");
        }
        if (paymentMethod != null && !PaymentMethods.isValid(paymentMethod)) {
            v.reject("paymentMethod", PaymentMethods.rule());
        }
        v.throwIfInvalid();
        return new AddFundsRequest(amount, paymentMethod);
    }

    /**
     * What makes two top-ups the same request: amount and payment method, and nothing of the
     * JSON's spelling, so a retry that re-serialises the body still replays. Unambiguous because
     * a payment method cannot contain the separator.
     */
    String canonical() {
        return "amountMicros=" + amountMicros + "\npaymentMethod=" + paymentMethod;
    }
}
