/**
 * The account and ledger store on the billing table: the only code of the project that builds
 * DynamoDB requests, and the home of every condition expression ({@link dev.smsbilling.billing.store.Expressions}).
 *
 * <p>Every balance change is one protocol: read the account strongly consistent (and, with an
 * Idempotency-Key, the key's record in the same snapshot); decide (replay, refuse, or go on);
 * then one TransactWriteItems that updates the account on {@code seq = :readSeq} plus the
 * business conditions, puts ledger entry {@code TX#<seq+1>} if new, and puts the completed
 * idempotency record. Losing a race means reading again; the deadline bounds the retries.
 * The outcome is a sealed result a handler maps to HTTP; only a spent deadline or a broken
 * table throws.
 */
package dev.smsbilling.billing.store;
