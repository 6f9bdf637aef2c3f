package dev.smsbilling.autocharge;

import dev.smsbilling.billing.api.PaymentCustomers;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.store.AutoChargeClaim;
import dev.smsbilling.billing.store.AutoChargeStatus;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.ClaimResult;
import dev.smsbilling.billing.store.ClaimResult.NotClaimed;
import dev.smsbilling.billing.store.SettleResult;
import dev.smsbilling.billing.store.SettleResult.AlreadyRecorded;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One due account in one run: claim it, mark its pending charge as sent, charge it, record what
 * the processor said. Everything that decides whether money moves is in the store's conditional writes; this
 * class only orders them, so that a run dying between any two steps is healed by a later run.
 */
final class TopUp {
    /**
     * Longer than any run (the function's timeout is 60 s), so a claim never lapses under a run
     * that is still working on it; short enough that a dead run's account waits only a run or two.
     */
    static final Duration LEASE = Duration.ofSeconds(90);
    private static final String DESCRIPTION = "SMS credit auto top-up";

    private final BillingStore store;
    private final PaymentProcessor processor;

    TopUp(BillingStore store, PaymentProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    AccountResult run(String accountId, RunBudget budget) {
        ClaimResult claimed = store.claimAutoCharge(accountId, LEASE);
        if (claimed instanceof NotClaimed notClaimed) {
            return AccountResult.skipped(accountId, notClaimed.reason().name().toLowerCase(Locale.ROOT));
        }
        AutoChargeClaim claim = (AutoChargeClaim) claimed;
        String customer;
        try {
            // Before the charge is marked sent: its retries must name the customer it names.
            customer = PaymentCustomers.of(store, processor, accountId, claim.paymentCustomer());
        } catch (PaymentUnavailable e) {
            store.releaseAutoChargeClaim(claim);
            return new AccountResult(accountId, Outcome.UNAVAILABLE, 0, "processor_unavailable");
        }
        if (!claim.chargeMayExist()) {
            // Only a card saved to the account is charged; a charge that may exist is settled as it is.
            Optional<ChargeResult.Declined> refused;
            try {
                refused = processor.refuseUnlessSaved(customer, claim.charge().paymentMethod());
            } catch (PaymentUnavailable e) {
                store.releaseAutoChargeClaim(claim);
                return new AccountResult(accountId, Outcome.UNAVAILABLE, 0, "processor_unavailable");
            }
            if (refused.isPresent()) {
                return recordDecline(claim, refused.get());
            }
        }
        if (!store.startAutoCharge(claim)) {
            return AccountResult.skipped(accountId, "claim_lapsed");
        }
        ChargeResult result;
        try {
            result = processor.charge(new ChargeRequest(customer, claim.charge().paymentMethod(), claim.charge().amountMicros(),
                    claim.charge().chargeKey(), DESCRIPTION));
        } catch (PaymentUnavailable e) {
            store.releaseAutoChargeClaim(claim);
            return new AccountResult(accountId, Outcome.UNAVAILABLE, 0, "processor_unavailable");
        }
        if (result instanceof ChargeResult.Declined declined) {
            return recordDecline(claim, declined);
        }
        return credit(claim, (ChargeResult.Succeeded) result, budget);
    }

    private AccountResult recordDecline(AutoChargeClaim claim, ChargeResult.Declined declined) {
        if (ChargeResult.AUTHENTICATION_REQUIRED.equals(declined.code()) || ChargeResult.NOT_SAVED.equals(declined.code())) {
            // Not retried blindly, nor counted as the card failing: only the customer can act
            // (authenticate on a top-up by hand, or save the card to the account).
            return store.requireAutoChargeAction(claim, declined.code())
                    ? new AccountResult(claim.accountId(), Outcome.ACTION_REQUIRED, 0, declined.code())
                    : AccountResult.skipped(claim.accountId(), "recorded_elsewhere");
        }
        Optional<AutoChargeStatus> recorded = store.recordAutoChargeDecline(claim, declined.code());
        if (recorded.isEmpty()) {
            return AccountResult.skipped(claim.accountId(), "recorded_elsewhere");
        }
        Outcome outcome = recorded.get() == AutoChargeStatus.DISABLED_AFTER_FAILURES ? Outcome.DISABLED : Outcome.DECLINED;
        return new AccountResult(claim.accountId(), outcome, 0, declined.code());
    }

    /** Whatever the balance is by now: the card was charged, so the charge is credited. */
    private AccountResult credit(AutoChargeClaim claim, ChargeResult.Succeeded charged, RunBudget budget) {
        SettleResult settled = store.creditAutoCharge(claim, charged.amountMicros(), charged.reference(),
                budget.writeDeadline());
        if (settled instanceof Committed) {
            return new AccountResult(claim.accountId(), Outcome.CHARGED, charged.amountMicros(), "credited");
        }
        if (settled instanceof AlreadyRecorded) {
            return AccountResult.skipped(claim.accountId(), "recorded_elsewhere");
        }
        // Charged, and no account to credit: only an account deleted mid-run gets here. Loud, for a human.
        return new AccountResult(claim.accountId(), Outcome.FAILED, 0, "charged_but_account_gone");
    }
}
