package dev.smsbilling.billing.store;

/**
 * When an account should wait for a top-up. Decided here from a read, and re-checked by the
 * database in {@link Expressions#SHOULD_BE_DUE} wherever acting on a stale read could charge a card.
 */
final class DueRule {
    private DueRule() {
    }

    static boolean shouldBeDue(Account account, long balanceMicros) {
        AutoCharge autoCharge = account.autoCharge();
        return autoCharge.settings().enabled()
                && autoCharge.status() != AutoChargeStatus.DISABLED_AFTER_FAILURES
                && account.isActive()
                && balanceMicros < autoCharge.settings().thresholdMicros();
    }
}
