package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.Timestamps;
import java.time.Clock;
import java.time.Instant;
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

    /**
     * Empty when there is no such account; nothing is written then. When the saved account is
     * already below its threshold, it is marked due by a second, conditional update.
     *
     * <p>Why two writes are safe: the mark's condition re-checks the rule on the item as it is at
     * that moment, and its clauses never replace an existing mark, so a racing debit, top-up or
     * run cannot be undone by it; a mark it sets in error is only a hint, since the run's claim
     * re-checks everything before charging. The one gap, a debit that read the settings before
     * this save and commits after the mark's check, leaves the account unmarked until its next
     * debit below the threshold, which marks it (every such debit does, not only a crossing).
     */
    Optional<AutoCharge> saveAutoCharge(String accountId, AutoChargeSettings settings) {
        Instant now = Timestamps.now(clock);
        Account saved;
        try {
            saved = AccountItems.fromItem(dynamo.updateItem(writes.saveAutoCharge(accountId, settings, now)).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
        if (saved.due().isEmpty() && saved.shouldBeDueAt(saved.balanceMicros())) {
            try {
                dynamo.updateItem(writes.markDue(accountId, new AutoChargeEffect.MarkDue(Ids.crossing(), now)));
            } catch (ConditionalCheckFailedException e) {
                // The balance rose or the settings changed again since the save: nothing to mark.
            }
        }
        return Optional.of(saved.autoCharge());
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

    /** Refused when one is saved already (or no account): then the account, read again, says which. */
    Optional<String> savePaymentCustomer(String accountId, String customer) {
        try {
            dynamo.updateItem(writes.savePaymentCustomer(accountId, customer));
            return Optional.of(customer);
        } catch (ConditionalCheckFailedException e) {
            return read(accountId).flatMap(Account::paymentCustomer);
        }
    }
}
