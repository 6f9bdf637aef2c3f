/**
 * The billing store's contract: {@link dev.smsbilling.billing.store.BillingStore}, the records it
 * reads and writes, and its sealed results, each refusal nested in the result it belongs to
 * ({@code DebitResult.InsufficientFunds}, {@code KeySeenBefore.Replayed}, ...). This is all a
 * handler may touch; the DynamoDB adapter that implements it is {@code store.dynamodb}.
 */
package dev.smsbilling.billing.store;
