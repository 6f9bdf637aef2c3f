package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.ClaimResult;
import dev.smsbilling.billing.store.ClaimResult.NotClaimed;
import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The scheduled auto-charge's writes around the charge: find due accounts, claim one, and record
 * a decline or give the claim back. The credit itself is a balance change ({@link BalanceWriter}).
 */
final class AutoCharges {
    private final DynamoDbClient dynamo;
    private final ReadRequests reads;
    private final WriteRequests writes;
    private final Clock clock;

    AutoCharges(DynamoDbClient dynamo, ReadRequests reads, WriteRequests writes, Clock clock) {
        this.dynamo = dynamo;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
    }

    List<String> due(int limit) {
        return IndexPages.read(dynamo, reads::dueAccounts, item -> Values.afterPrefix(item, Attributes.PK, Keys.ACCOUNT_PREFIX), limit);
    }

    /**
     * Reads the account strongly, decides, then claims it with one conditional update that
     * re-checks everything the decision rested on; losing any race there costs only this run's
     * turn, never a second charge.
     */
    ClaimResult claim(String accountId, Duration lease) {
        Instant now = Timestamps.now(clock);
        Optional<Account> read = Values.present(dynamo.getItem(reads.account(accountId)).item()).map(AccountItems::fromItem);
        if (read.isEmpty()) {
            return new NotClaimed(NotClaimed.Reason.ACCOUNT_GONE);
        }
        Account account = read.get();
        if (account.due().isEmpty()) {
            return new NotClaimed(NotClaimed.Reason.NOT_DUE);
        }
        DueMark due = account.due().get();
        if (due.claimedAt(now)) {
            return new NotClaimed(NotClaimed.Reason.CLAIMED_ELSEWHERE);
        }
        boolean mayExist = due.mayHaveBeenSent().isPresent();
        if (!mayExist && !account.shouldBeDueAt(account.balanceMicros())) {
            clearStale(accountId, due, now);
            return new NotClaimed(NotClaimed.Reason.NO_LONGER_DUE);
        }
        // A charge that may exist is settled as it is; anything else is planned from the settings as they are now.
        PendingCharge intent = mayExist ? null : new PendingCharge(
                AutoChargeKeys.derive(accountId, due.dueId(), due.attempt()),
                account.autoCharge().settings().paymentMethod().orElseThrow(),
                account.autoCharge().settings().amountMicros());
        Instant claimUntil = now.plus(lease);
        try {
            Map<String, AttributeValue> claimed = dynamo.updateItem(writes.claim(accountId, due, intent, now, claimUntil)).attributes();
            PendingCharge inForce = DueItems.fromItem(claimed).flatMap(DueMark::pending)
                    .orElseThrow(() -> new IllegalStateException("claimed " + accountId + " without a pending charge"));
            return new AutoChargeClaim(accountId, inForce, due.attempt(),
                    AutoChargeItems.fromItem(claimed).consecutiveDeclines(), claimUntil,
                    Values.optionalString(claimed, Attributes.PAYMENT_CUSTOMER), mayExist);
        } catch (ConditionalCheckFailedException e) {
            return new NotClaimed(NotClaimed.Reason.LOST_RACE);
        }
    }

    /** @return false when the claim lapsed and another run may hold the account: then do not charge */
    boolean chargeSent(AutoChargeClaim claim) {
        try {
            dynamo.updateItem(writes.chargeSent(claim.accountId(), claim));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** @return the status recorded, or empty when another run holding the same charge recorded it first */
    Optional<AutoChargeStatus> recordDecline(AutoChargeClaim claim, String error) {
        boolean last = Math.addExact(claim.declinesSoFar(), 1) >= AutoCharge.MAX_CONSECUTIVE_DECLINES;
        try {
            dynamo.updateItem(writes.recordDecline(claim.accountId(), claim, error, last));
            return Optional.of(last ? AutoChargeStatus.DISABLED_AFTER_FAILURES : AutoChargeStatus.FAILING);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    boolean requireAction(AutoChargeClaim claim, String error) {
        try {
            dynamo.updateItem(writes.requireAction(claim.accountId(), claim, error));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    boolean resume(String accountId) {
        try {
            dynamo.updateItem(writes.resumeAutoCharge(accountId));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    boolean release(AutoChargeClaim claim) {
        try {
            dynamo.updateItem(writes.releaseClaim(claim.accountId(), claim));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Best effort: a mark that survives (a racing save re-enabled it) is simply looked at again next run. */
    private void clearStale(String accountId, DueMark due, Instant now) {
        try {
            dynamo.updateItem(writes.clearStaleDue(accountId, due, now));
        } catch (ConditionalCheckFailedException e) {
            // The account changed since the read; whatever it is now, the next run sees it.
        }
    }
}
