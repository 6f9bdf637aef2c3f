/**
 * The payment processor port: charge a payment method once per idempotency key. The sandbox
 * answers Stripe's test-mode payment methods in memory; the Stripe adapter charges through
 * Stripe's API with the same idempotency key, so both behave alike on a retry.
 */
package dev.smsbilling.billing.payment;
