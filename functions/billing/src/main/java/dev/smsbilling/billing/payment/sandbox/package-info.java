/**
 * The sandbox adapter of the payment port: charges nothing, answers Stripe's documented test
 * payment methods (a success, each decline) in memory and keeps one charge per idempotency key,
 * so local runs and tests see the same retries and refusals as Stripe would give.
 */
package dev.smsbilling.billing.payment.sandbox;
