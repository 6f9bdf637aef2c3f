package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.ClaimResult;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.KeySeenBefore;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.ResponseRenderer;
import dev.smsbilling.billing.store.SettleResult;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.TransactionPage;
import dev.smsbilling.billing.store.UnsettledTopUp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The billing store on one DynamoDB table. Every balance change goes through one protocol
 * ({@link BalanceWriter}) so the ledger stays gapless and always sums to the balance; every
 * condition it sends is in {@link Expressions}. Thread-safe; build one per Lambda instance.
 */
public final class DynamoDbBillingStore implements BillingStore {
    private final Accounts accounts;
    private final ApiKeyRecords apiKeys;
    private final BalanceWriter balances;
    private final IdempotencyKeys idempotencyKeys;
    private final LedgerReader ledger;
    private final AutoCharges autoCharges;

    public DynamoDbBillingStore(DynamoDbClient dynamo, String tableName, Clock clock) {
        this(dynamo, tableName, clock, WriteConflictBackoff.standard());
    }

    DynamoDbBillingStore(DynamoDbClient dynamo, String tableName, Clock clock, WriteConflictBackoff backoff) {
        Objects.requireNonNull(dynamo, "dynamo");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(clock, "clock");
        ReadRequests reads = new ReadRequests(tableName);
        WriteRequests writes = new WriteRequests(tableName);
        this.accounts = new Accounts(dynamo, reads, writes, clock);
        this.apiKeys = new ApiKeyRecords(dynamo, reads, writes);
        this.balances = new BalanceWriter(dynamo, reads, writes, clock, backoff);
        this.idempotencyKeys = new IdempotencyKeys(dynamo, reads, writes, clock);
        this.ledger = new LedgerReader(dynamo, reads);
        this.autoCharges = new AutoCharges(dynamo, reads, writes, clock);
    }

    @Override
    public Account createAccount(Subscription subscription, String apiKeyHash) {
        return accounts.create(subscription, apiKeyHash);
    }

    @Override
    public Optional<Account> readAccount(String accountId) {
        return accounts.read(accountId);
    }

    @Override
    public boolean setSubscription(String accountId, Subscription subscription) {
        return accounts.setSubscription(accountId, subscription);
    }

    @Override
    public Optional<String> savePaymentCustomer(String accountId, String customer) {
        return accounts.savePaymentCustomer(accountId, customer);
    }

    @Override
    public Optional<AutoCharge> saveAutoChargeSettings(String accountId, AutoChargeSettings settings) {
        return accounts.saveAutoCharge(accountId, settings);
    }

    @Override
    public Optional<String> accountForApiKeyHash(String apiKeyHash) {
        return apiKeys.accountFor(apiKeyHash);
    }

    @Override
    public boolean revokeApiKey(String apiKeyHash) {
        return apiKeys.revoke(apiKeyHash);
    }

    @Override
    public DebitResult debit(String accountId, MessageCharge charge, Optional<Idempotency> idempotency,
                             ResponseRenderer renderer, Deadline deadline) {
        return balances.apply(accountId, new BalanceChange.Debit(charge, Ids.message()), idempotency, renderer, deadline);
    }

    @Override
    public CreditResult credit(String accountId, Credit credit, Optional<Idempotency> idempotency,
                               ResponseRenderer renderer, Deadline deadline) {
        return balances.apply(accountId, new BalanceChange.CreditChange(credit), idempotency, renderer, deadline);
    }

    @Override
    public BeginResult beginIdempotentRequest(String accountId, Idempotency idempotency, Duration hold) {
        return idempotencyKeys.begin(accountId, idempotency, hold);
    }

    @Override
    public boolean startCharge(String accountId, Idempotency idempotency, Started hold) {
        return idempotencyKeys.startCharge(accountId, idempotency, hold.holder());
    }

    @Override
    public boolean releaseIdempotentRequest(String accountId, Idempotency idempotency, Started hold) {
        return idempotencyKeys.release(accountId, idempotency, hold.holder());
    }

    @Override
    public List<UnsettledTopUp> unsettledTopUps(Instant chargedBefore, int limit) {
        return idempotencyKeys.unsettled(chargedBefore, limit);
    }

    @Override
    public Optional<KeySeenBefore> keySeenBefore(String accountId, Idempotency idempotency) {
        return idempotencyKeys.seenBefore(accountId, idempotency);
    }

    @Override
    public Optional<IdempotencyRecord> lookupIdempotency(String accountId, String idempotencyKey) {
        return idempotencyKeys.lookup(accountId, idempotencyKey);
    }

    @Override
    public TransactionPage transactions(String accountId, int limit, Optional<String> cursor) {
        return ledger.page(accountId, limit, cursor);
    }

    @Override
    public List<String> dueAccounts(int limit) {
        return autoCharges.due(limit);
    }

    @Override
    public ClaimResult claimAutoCharge(String accountId, Duration lease) {
        return autoCharges.claim(accountId, lease);
    }

    @Override
    public SettleResult creditAutoCharge(AutoChargeClaim claim, long chargedMicros, String paymentReference,
                                         Deadline deadline) {
        Objects.requireNonNull(claim, "claim");
        return balances.apply(claim.accountId(), new BalanceChange.AutoChargeCredit(claim.charge(), chargedMicros,
                paymentReference), Optional.empty(), AutoChargeResponses::credited, deadline);
    }

    @Override
    public Optional<AutoChargeStatus> recordAutoChargeDecline(AutoChargeClaim claim, String error) {
        return autoCharges.recordDecline(claim, error);
    }

    @Override
    public boolean startAutoCharge(AutoChargeClaim claim) {
        return autoCharges.chargeSent(claim);
    }

    @Override
    public boolean requireAutoChargeAction(AutoChargeClaim claim, String error) {
        return autoCharges.requireAction(claim, error);
    }

    @Override
    public boolean resumeAutoCharge(String accountId) {
        return autoCharges.resume(accountId);
    }

    @Override
    public boolean releaseAutoChargeClaim(AutoChargeClaim claim) {
        return autoCharges.release(claim);
    }
}
