/**
 * The Stripe adapter of the payment port: PaymentIntents over Stripe's form-encoded HTTP API,
 * with Stripe's own retry rules ({@code Stripe-Should-Retry}, idempotency keys) and its errors
 * mapped to the port's outcomes. Package-private except {@link StripePaymentProcessor} and its
 * {@link StripeConfig}; no key, card or message text is ever logged ({@code LogSafe}).
 */
package dev.smsbilling.billing.payment.stripe;
