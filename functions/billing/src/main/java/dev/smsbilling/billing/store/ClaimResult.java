package dev.smsbilling.billing.store;

import java.util.Objects;

/** What trying to take a due account for one run gave: the claim, or why there is nothing to do. */
public sealed interface ClaimResult permits AutoChargeClaim, ClaimResult.NotClaimed {

    /** No charge for this account in this run; nothing that could move money was written. */
    record NotClaimed(Reason reason) implements ClaimResult {
        public NotClaimed {
            Objects.requireNonNull(reason, "reason");
        }

        public enum Reason {
            /** Not due (any more): the index lags the table by a moment. */
            NOT_DUE,
            /** Due but should not be charged (off, disabled, above the threshold, no subscription); the mark was cleared. */
            NO_LONGER_DUE,
            /** Another run holds it and its lease has not lapsed. */
            CLAIMED_ELSEWHERE,
            /** The account changed between the read and the claim; the next run decides afresh. */
            LOST_RACE,
            ACCOUNT_GONE
        }
    }
}
