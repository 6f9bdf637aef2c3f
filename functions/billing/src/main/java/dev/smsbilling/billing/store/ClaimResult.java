package dev.smsbilling.billing.store;

/** What trying to take a due account for one run gave: the claim, or why there is nothing to do. */
public sealed interface ClaimResult permits AutoChargeClaim, NotClaimed {
}
