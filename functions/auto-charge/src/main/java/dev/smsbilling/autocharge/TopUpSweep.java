package dev.smsbilling.autocharge;

import dev.smsbilling.billing.api.TopUps;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Committed;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.Replayed;
import dev.smsbilling.billing.store.Started;
import dev.smsbilling.billing.store.UnsettledTopUp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settles the top-ups whose request died after it may have charged the card, when the client
 * that asked never retries: nothing is left to the client's good will. Each hold is taken over
 * the way a client's retry would take it (so the two never act at once: whoever holds it, the
 * other is told it is busy), the processor is asked what became of that hold's charge without
 * making one, and then:
 * <ul>
 *   <li>money taken: credited, completing the key with the top-up's 201, so the client's retry
 *       (same key, same body) replays that answer; the payment's guard keeps it to one credit;</li>
 *   <li>nothing taken (never sent, or declined): the key is released, as after any 4xx, and a
 *       retry makes a new top-up;</li>
 *   <li>the processor cannot say now: the sweep's hold lapses and the next run asks again.</li>
 * </ul>
 */
final class TopUpSweep {
    /**
     * How long after its charge was about to be sent a hold is looked at: longer than any
     * add-funds invocation lives (its timeout), so only a dead request's hold is taken, and the
     * processor has long answered the charge it was sent.
     */
    static final Duration SETTLE_AFTER = Duration.ofMinutes(2);
    /** The sweep's own hold on a key: one processor lookup and one credit, with room to spare. */
    static final Duration HOLD = Duration.ofSeconds(30);
    static final int MAX_PER_RUN = 100;

    /** How one hold fared, as the summary counts it. */
    enum Settled { CREDITED, RELEASED, LEFT, FAILED }

    private final BillingStore store;
    private final PaymentProcessor processor;
    private final Clock clock;

    TopUpSweep(BillingStore store, PaymentProcessor processor, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.clock = clock;
    }

    SweepSummary run(RunBudget budget, OutcomeLog log) {
        List<UnsettledTopUp> holds = store.unsettledTopUps(clock.instant().minus(SETTLE_AFTER), MAX_PER_RUN);
        SweepSummary.Builder summary = new SweepSummary.Builder();
        for (UnsettledTopUp hold : holds) {
            long started = System.nanoTime();
            Settled settled;
            String detail;
            if (!budget.allowsAnotherClaim()) {
                settled = Settled.LEFT;
                detail = "out_of_time";
            } else {
                try {
                    SettledHold result = settle(hold, budget);
                    settled = result.settled();
                    detail = result.detail();
                } catch (RuntimeException e) {
                    // Its hold lapses and the next run tries again; money is never moved by guessing.
                    settled = Settled.FAILED;
                    detail = e.getClass().getSimpleName();
                }
            }
            summary.add(settled);
            log.swept(hold, settled, detail, (System.nanoTime() - started) / 1_000_000);
        }
        return summary.build();
    }

    private record SettledHold(Settled settled, String detail) {
    }

    private SettledHold settle(UnsettledTopUp unsettled, RunBudget budget) {
        String accountId = unsettled.accountId();
        Optional<IdempotencyRecord> record = store.lookupIdempotency(accountId, unsettled.idempotencyKey());
        if (record.isEmpty() || record.get().status() != IdempotencyStatus.IN_PROGRESS) {
            return new SettledHold(Settled.LEFT, "settled_meanwhile"); // the index lags the item
        }
        Idempotency idempotency = new Idempotency(unsettled.idempotencyKey(), record.get().requestHash());
        BeginResult begun = store.beginIdempotentRequest(accountId, idempotency, HOLD);
        if (!(begun instanceof Started hold)) {
            return new SettledHold(Settled.LEFT, "held_by_a_request"); // a retry is on it, or it completed
        }
        Optional<ChargeResult> found = Optional.empty();
        if (hold.chargeMayExist()) {
            try {
                found = processor.find(TopUps.processorKey(accountId, idempotency, hold), unsettled.chargeStartedAt());
            } catch (PaymentUnavailable e) {
                return new SettledHold(Settled.LEFT, "processor_unavailable");
            }
        }
        if (found.isPresent() && found.get() instanceof ChargeResult.Succeeded charged) {
            CreditResult credited = store.credit(accountId, new Credit(EntryType.FUNDS_ADDED, charged.amountMicros(),
                    charged.reference()), Optional.of(idempotency), TopUps::created, budget.writeDeadline());
            if (credited instanceof Committed || credited instanceof Replayed) {
                return new SettledHold(Settled.CREDITED, "credited");
            }
            // Charged, and no account to credit: the hold stays, listed, and this alarms every run.
            return new SettledHold(Settled.FAILED, "charged_without_account");
        }
        store.releaseIdempotentRequest(accountId, idempotency);
        return new SettledHold(Settled.RELEASED, found.isPresent() ? "declined" : "never_charged");
    }
}
