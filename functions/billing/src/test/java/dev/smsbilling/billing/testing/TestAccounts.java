package dev.smsbilling.billing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.http.auth.ApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way tests open an account and fund it: through the real store, as a customer's would
 * be, with an API key of its own and its funds arrived as top-ups in its ledger (so the balance
 * is the sum of the ledger from the start). Fixtures of one function extend it with their own
 * situations (an account due for auto-charge, say).
 */
public class TestAccounts {
    protected final BillingStore store;

    public TestAccounts(BillingStore store) {
        this.store = store;
    }

    /** An account with an active subscription and {@code fundsMicros} added by one top-up (none when 0). */
    public final String open(long fundsMicros) {
        return open(Subscription.ACTIVE, fundsMicros);
    }

    public String open(Subscription subscription, long fundsMicros) {
        String account = store.createAccount(subscription, ApiKeys.hash(ApiKeys.generate())).id();
        if (fundsMicros > 0) {
            addFunds(account, fundsMicros);
        }
        return account;
    }

    /** A top-up by card: one {@code funds_added} entry, committed, with a processor reference of its own. */
    public final void addFunds(String account, long micros) {
        addFunds(account, micros, "pi_test_funds_" + UUID.randomUUID());
    }

    /** A top-up whose processor reference a test will look for (on a statement, say). */
    public final void addFunds(String account, long micros, String paymentReference) {
        assertThat(store.credit(account, new Credit(EntryType.FUNDS_ADDED, micros, paymentReference),
                Optional.empty(), entry -> new StoredResponse(201, "{}"), generous()))
                .as("funds added to %s", account).isInstanceOf(Committed.class);
    }

    /**
     * Time enough for any write of a test, counted from now: a deadline made once, in a static
     * field, would run out under a long test class and fail a retry that should have been made.
     */
    public static Deadline generous() {
        return Deadline.within(Duration.ofMinutes(2));
    }

    public final Account read(String account) {
        return store.readAccount(account).orElseThrow();
    }

    public final long balance(String account) {
        return read(account).balanceMicros();
    }

    /** The whole ledger, newest first, through the public paging API. */
    public final List<LedgerEntry> ledger(String account) {
        return WholeLedger.newestFirst(store, account);
    }

    public final long ledgerSum(String account) {
        return ledger(account).stream().mapToLong(LedgerEntry::amountMicros).reduce(0, Math::addExact);
    }

    /** The product's invariant: the balance is the sum of the ledger, and never negative. */
    public final void assertBalanceIsLedgerSum(String account) {
        assertThat(balance(account)).as("balance of %s = sum of its ledger", account).isEqualTo(ledgerSum(account)).isNotNegative();
    }
}
