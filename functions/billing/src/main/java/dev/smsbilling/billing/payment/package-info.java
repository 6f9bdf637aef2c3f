/**
 * The payment processor port: charge a payment method once per idempotency key. The sandbox
 * answers Stripe's test-mode payment methods; a Stripe adapter implements the same interface.
 */
package dev.smsbilling.billing.payment;
