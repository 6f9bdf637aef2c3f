/**
 * The payment processor port: charge a payment method once per idempotency key, or find the
 * charge a key made. Two adapters implement it: {@code payment.sandbox} answers Stripe's test-mode
 * payment methods in memory; {@code payment.stripe} charges through Stripe's API with the same
 * idempotency key, so both behave alike on a retry. Handlers see only this package.
 */
package dev.smsbilling.billing.payment;
