package dev.smsbilling.autocharge;

import java.util.Objects;

/** One account's outcome, with the money credited (zero unless charged) and why, for the log. */
record AccountResult(String accountId, Outcome outcome, long amountMicros, String detail) {
    AccountResult {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static AccountResult skipped(String accountId, String why) {
        return new AccountResult(accountId, Outcome.SKIPPED, 0, why);
    }
}
