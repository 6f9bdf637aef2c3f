package dev.smsbilling.billing.store;

/**
 * How a credit ended. A credit is never refused for the balance or the subscription: its money
 * has usually been taken from a card already, and refusing to record it would lose it.
 */
public sealed interface CreditResult permits WriteOutcome {
}
