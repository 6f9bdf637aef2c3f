package dev.smsbilling.billing.store;

import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Opening accounts, reading them, and switching their subscription. */
final class Accounts {
    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;
    private final Clock clock;

    Accounts(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes, Clock clock) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
    }

    /** The account and its first API key in one transaction, so no account is ever left without a key. */
    Account create(Subscription subscription, String apiKeyHash) {
        Account account = new Account(Ids.account(), 0, 0, subscription, Timestamps.now(clock));
        dynamo.transactWriteItems(writes.createAccount(account, apiKeyHash));
        return account;
    }

    Optional<Account> read(String accountId) {
        return Values.present(dynamo.getItem(reads.account(accountId)).item()).map(AccountItems::fromItem);
    }

    /** Empty when there is no such account; nothing is written then. */
    Optional<AutoCharge> saveAutoCharge(String accountId, AutoChargeSettings settings) {
        try {
            return Optional.of(AutoChargeItems.fromItem(
                    dynamo.updateItem(writes.saveAutoCharge(accountId, settings, Timestamps.now(clock))).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Deliberately leaves seq alone: seq counts balance changes only. A debit racing this still
     * sees the new status, because its condition checks the subscription itself.
     */
    boolean setSubscription(String accountId, Subscription subscription) {
        try {
            dynamo.updateItem(writes.setSubscription(accountId, subscription));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
