package dev.smsbilling.autocharge;

import dev.smsbilling.billing.api.TopUps;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.UnsettledTopUp;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.http.telemetry.Metric;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
     * How long after a hold lapsed the sweep takes it: the invocation that held it is dead by then
     * (a hold covers its holder's whole remaining time), and the processor has long answered any
     * charge it sent before dying.
     */
    static final Duration SETTLE_AFTER = Duration.ofMinutes(2);
    /**
     * The sweep's own hold on a key: longer than the whole run may last (its 60 s timeout), so it
     * never lapses under a run still asking the processor, and no retry takes it over meanwhile.
     */
    static final Duration HOLD = Duration.ofSeconds(90);
    /** A top-up still unsettled this long after its charge is for a human: it is counted as failed, so it alarms. */
    static final Duration STUCK_AFTER = Duration.ofHours(1);
    static final int MAX_PER_RUN = 100;

    /** How one hold fared, as the summary counts it, and the metric that counts it (none for a hold left to the next run). */
    enum Settled {
        CREDITED(Metric.SWEPT_TOP_UPS_CREDITED),
        RELEASED(Metric.SWEPT_TOP_UPS_RELEASED),
        LEFT(null),
        FAILED(Metric.SWEPT_TOP_UPS_FAILED);

        private final Metric metric;

        Settled(Metric metric) {
            this.metric = metric;
        }

        Optional<Metric> metric() {
            return Optional.ofNullable(metric);
        }
    }

    private record Settlement(Settled settled, String detail) {
    }

    private final BillingStore store;
    private final PaymentProcessor processor;
    private final OutcomeLog log;
    private final Clock clock;

    TopUpSweep(BillingStore store, PaymentProcessor processor, OutcomeLog log, Clock clock) {
        this.store = store;
        this.processor = processor;
        this.log = log;
        this.clock = clock;
    }

    /** Never throws: a sweep that cannot even list its work is counted as failed, and the run's auto-charges stand. */
    SweepSummary run(RunBudget budget) {
        SweepSummary.Builder summary = new SweepSummary.Builder();
        List<UnsettledTopUp> holds;
        try {
            holds = store.unsettledTopUps(clock.instant().minus(SETTLE_AFTER), MAX_PER_RUN);
        } catch (RuntimeException e) {
            log.sweepFailed(e.getClass().getSimpleName());
            summary.couldNotList();
            return summarised(summary);
        }
        for (UnsettledTopUp hold : holds) {
            long started = System.nanoTime();
            Settlement outcome = budget.allowsAnotherClaim() ? settleOrSay(hold, budget) : new Settlement(Settled.LEFT, "out_of_time");
            if (outcome.settled() == Settled.LEFT && hold.chargeStartedAt().isBefore(clock.instant().minus(STUCK_AFTER))) {
                outcome = new Settlement(Settled.FAILED, "unsettled_for_an_hour:" + outcome.detail());
            }
            summary.add(outcome.settled());
            log.swept(hold, outcome.settled(), outcome.detail(), (System.nanoTime() - started) / 1_000_000);
        }
        return summarised(summary);
    }

    private SweepSummary summarised(SweepSummary.Builder counts) {
        SweepSummary summary = counts.build();
        log.sweepSummary(summary);
        return summary;
    }

    private Settlement settleOrSay(UnsettledTopUp hold, RunBudget budget) {
        try {
            return settle(hold, budget);
        } catch (RuntimeException e) {
            // The sweep's hold lapses and a later run tries again; money is never moved by guessing.
            return new Settlement(Settled.FAILED, e.getClass().getSimpleName());
        }
    }

    private Settlement settle(UnsettledTopUp unsettled, RunBudget budget) {
        String accountId = unsettled.accountId();
        Optional<IdempotencyRecord> read = store.lookupIdempotency(accountId, unsettled.idempotencyKey());
        if (read.isEmpty() || read.get().status() != IdempotencyStatus.IN_PROGRESS) {
            return new Settlement(Settled.LEFT, "settled_meanwhile"); // the index lags the item
        }
        IdempotencyRecord record = read.get();
        // The index orders by the charge's first send; whether its last holder is surely dead is the item's to say.
        Instant lastLapse = record.inProgressUntil().orElse(Instant.EPOCH);
        if (lastLapse.plus(SETTLE_AFTER).isAfter(clock.instant())) {
            return new Settlement(Settled.LEFT, "held_recently");
        }
        Idempotency idempotency = new Idempotency(unsettled.idempotencyKey(), record.requestHash());
        BeginResult begun = store.beginIdempotentRequest(accountId, idempotency, HOLD);
        if (!(begun instanceof Started hold)) {
            return new Settlement(Settled.LEFT, "held_by_a_request"); // a retry is on it, or it completed
        }
        if (!hold.chargeMayExist()) {
            // Not the hold that was read: released and held afresh meanwhile, and that holder never
            // charged. Ours is new and took nothing: let go of it.
            store.releaseIdempotentRequest(accountId, idempotency, hold);
            return new Settlement(Settled.LEFT, "changed_meanwhile");
        }
        if (Started.LEGACY_CHARGE.equals(hold.chargeKey())) {
            // Its charge was sent without our key in its metadata: absence cannot be proven.
            return new Settlement(Settled.FAILED, "legacy_hold");
        }
        Optional<ChargeResult> found;
        try {
            found = processor.find(TopUps.processorKey(accountId, idempotency, hold), unsettled.chargeStartedAt(), lastLapse);
        } catch (PaymentUnavailable e) {
            return new Settlement(Settled.LEFT, "processor_unavailable");
        }
        if (found.isPresent() && found.get() instanceof ChargeResult.Succeeded charged) {
            // The amount the processor took: the hold keeps only the request's hash, so the check
            // add-funds makes (charged as asked) cannot be made here.
            CreditResult credited = TopUps.credit(store, accountId, idempotency, charged, budget.writeDeadline());
            if (credited instanceof Committed || credited instanceof Replayed) {
                return new Settlement(Settled.CREDITED, "credited");
            }
            // Charged, and no account to credit: the hold stays listed, and alarms, for a human to refund.
            return new Settlement(Settled.FAILED, "charged_without_account");
        }
        if (!store.releaseIdempotentRequest(accountId, idempotency, hold)) {
            return new Settlement(Settled.LEFT, "taken_over"); // cannot happen while our hold outlives the run
        }
        return new Settlement(Settled.RELEASED, found.isPresent() ? "declined" : "never_charged");
    }
}
