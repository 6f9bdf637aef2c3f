package dev.smsbilling.billing.payment;

import java.util.Objects;

/**
 * One charge to make: for the account's {@code customer} ({@link PaymentProcessor#customerFor}),
 * with its {@code paymentMethod}. Amounts are whole cents because card processors charge in the
 * currency's smallest unit; a fraction of a cent could not be charged exactly, so it is refused here.
 */
public record ChargeRequest(String customer, String paymentMethod, long amountMicros, String idempotencyKey, String description) {
    private static final long MICROS_PER_CENT = 10_000;

    public ChargeRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(description, "description");
        if (amountMicros <= 0 || amountMicros % MICROS_PER_CENT != 0) {
            throw new IllegalArgumentException("amountMicros must be a positive whole number of cents: " + amountMicros);
        }
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
    }
}
