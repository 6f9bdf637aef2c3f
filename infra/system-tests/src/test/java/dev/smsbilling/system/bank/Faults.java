package dev.smsbilling.system.bank;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults one invocation is to meet, armed by the client before it calls a handler and read by
 * the seams (the DynamoDB client and the payment processor) on whatever thread the handler uses.
 * Each fault fires at most as often as armed; {@link #failing()} tells the client whether a 500
 * was earned.
 */
final class Faults {
    /** Let the next TransactWriteItems through, then throw as if its reply was lost. */
    final AtomicBoolean loseWriteReply = new AtomicBoolean();
    /** Let the next TransactWriteItems through, and hold its answer back past the client's patience. */
    final AtomicBoolean slowWriteReply = new AtomicBoolean();
    /** Throttling answers before TransactWriteItems reaches the table. */
    final AtomicInteger throttles = new AtomicInteger();
    /** TransactionConflict cancellations before a TransactWriteItems or TransactGetItems reaches the table. */
    final AtomicInteger conflicts = new AtomicInteger();
    /** The processor charges, then the caller dies before it hears back. */
    final AtomicBoolean crashAfterCharge = new AtomicBoolean();
    /** An auto-charge run dies after its claim, before the charge. */
    final AtomicBoolean crashAfterClaim = new AtomicBoolean();
    /** The processor answers 5xx: the outcome is unknown to the caller. */
    final AtomicBoolean processorUnavailable = new AtomicBoolean();
    /**
     * The processor answers a charge with the charge it made earlier under this key, charging
     * nothing: Stripe replaying a key's first answer (until it prunes keys), or the sandbox's for
     * ever, to a request whose own key derives the same one.
     */
    volatile String replayChargeOf;

    /** Which request this invocation serves, for the audit's messages. */
    volatile String request = "";

    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();

    /**
     * Counts a fault that fired. {@code failing} ones make the invocation fail (a 500, a failed
     * run); the others (throttling, conflicts) the store is expected to absorb by retrying.
     */
    void fired(Tally faults, String kind, boolean failing) {
        fired.incrementAndGet();
        if (failing) {
            this.failing.incrementAndGet();
        }
        faults.add(kind);
    }

    /** Takes one of the armed {@code faults} of a kind: false when none is left. */
    static boolean take(AtomicInteger faults) {
        return faults.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    int fired() {
        return fired.get();
    }

    int failing() {
        return failing.get();
    }
}
