package dev.smsbilling.billing.runtime;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.ResponseRenderer;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.http.Sha256;
import java.time.Duration;
import java.util.Optional;

/**
 * SnapStart priming against the table that priming's DynamoDB requests are answered from
 * ({@link PrimingHttpClient}, which sends none of them). It holds one account,
 * {@value #FUNDED_ACCOUNT}: active, with $100 of credit and nothing else (no statement, no
 * idempotency key, no auto-charge). Every write is accepted and nothing is kept, so a priming
 * request from that account goes the whole way, its transaction included, and changes nothing.
 *
 * <p>Any other account is absent; {@code Priming.request}'s requests come from one of those and
 * stop at 401, which is what add-funds needs: nothing may reach a card before a snapshot. What a
 * top-up does after the card is primed here, on the store itself.
 */
public final class StorePriming {
    public static final String FUNDED_ACCOUNT = "BA_priming_funded";
    static final long FUNDED_BALANCE_MICROS = 100_000_000;
    private static final Duration BUDGET = Duration.ofSeconds(5);

    private StorePriming() {
    }

    /**
     * Credits {@value #FUNDED_ACCOUNT} as add-funds credits a charged top-up, answered by
     * {@code renderer} (the function's own, so its answer is primed too).
     *
     * @throws IllegalStateException when the credit ended elsewhere than committed: as with the
     *     HTTP functions' priming requests, a step that went another way than planned must be seen
     */
    public static void credit(BillingStore store, ResponseRenderer renderer) {
        Idempotency key = new Idempotency("priming-credit", Sha256.hex("priming credit"));
        Object result = store.credit(FUNDED_ACCOUNT, new Credit(EntryType.FUNDS_ADDED, 10_000_000, "priming"),
                Optional.of(key), renderer, Deadline.within(BUDGET));
        if (!(result instanceof Committed)) {
            throw new IllegalStateException("priming a credit of " + FUNDED_ACCOUNT + " ended in " + result + ", not committed");
        }
    }
}
