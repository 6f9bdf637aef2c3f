/**
 * The billing store on one DynamoDB table: the only code of the project that builds DynamoDB
 * requests, and the home of every condition expression ({@link dev.smsbilling.billing.store.dynamodb.Expressions},
 * each with its reason and pinned by a test). Package-private except {@link DynamoDbBillingStore},
 * which implements the contract in {@code dev.smsbilling.billing.store}.
 *
 * <p>Every balance change is one protocol ({@link BalanceWriter}): read the account strongly
 * consistent (and, with an Idempotency-Key, the key's record in the same snapshot); decide
 * (replay, refuse, or go on); then one TransactWriteItems that updates the account on
 * {@code seq = :readSeq} plus the business conditions, puts ledger entry {@code TX#<seq+1>} if
 * new, and puts the completed idempotency record. Losing a race means reading again; the deadline
 * bounds the retries. How the items look is in the {@code *Items} classes and {@link Attributes};
 * requests are built by {@link ReadRequests} and {@link WriteRequests} alone.
 */
package dev.smsbilling.billing.store.dynamodb;
