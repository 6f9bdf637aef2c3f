package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.WholeLedger;
import dev.smsbilling.http.auth.ApiKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Opens accounts through the real store, makes them due the way production does, and reads them back. */
final class Accounts {
    static final long THRESHOLD = 5_000_000;
    static final long AMOUNT = 20_000_000;
    /** One cent above the threshold: the first debit of a message crosses it. */
    static final long JUST_ABOVE = THRESHOLD + 10_000;
    private static final Deadline GENEROUS = Deadline.within(Duration.ofMinutes(1));

    private final BillingStore store;
    private final List<String> opened = new ArrayList<>();

    Accounts(BillingStore store) {
        this.store = store;
    }

    static AutoChargeSettings enabled(String paymentMethod) {
        return new AutoChargeSettings(true, THRESHOLD, AMOUNT, Optional.of(paymentMethod));
    }

    String open(long fundsMicros) {
        String account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();
        opened.add(account);
        if (fundsMicros > 0) {
            addFunds(account, fundsMicros);
        }
        return account;
    }

    /** Auto-charge on with the given card, then a send that takes the balance below the threshold. */
    String due(String paymentMethod) {
        String account = open(JUST_ABOVE);
        store.saveAutoChargeSettings(account, enabled(paymentMethod));
        debit(account, 20_000);
        assertThat(read(account).due()).as("a crossing debit marks the account due").isPresent();
        return account;
    }

    void addFunds(String account, long micros) {
        assertThat(store.credit(account, new Credit(EntryType.FUNDS_ADDED, micros, "ch_by_hand_" + java.util.UUID.randomUUID()), Optional.empty(),
                entry -> new StoredResponse(201, "{}"), GENEROUS)).isInstanceOf(Committed.class);
    }

    void debit(String account, long costMicros) {
        MessageCharge charge = new MessageCharge("+14155552671", "+14155550100", 1, "US", costMicros, "GSM-7", costMicros,
                "2026-11-01");
        assertThat(store.debit(account, charge, Optional.empty(), entry -> new StoredResponse(202, "{}"), GENEROUS))
                .isInstanceOf(Committed.class);
    }

    Account read(String account) {
        return store.readAccount(account).orElseThrow();
    }

    List<String> opened() {
        return List.copyOf(opened);
    }

    List<LedgerEntry> ledger(String account) {
        return WholeLedger.newestFirst(store, account);
    }

    List<LedgerEntry> autoCharges(String account) {
        return ledger(account).stream().filter(e -> e.type() == EntryType.AUTO_CHARGE).toList();
    }

    /** The product's invariant: the balance is the sum of the ledger, never negative. */
    void assertBalanceIsLedgerSum(String account) {
        long sum = ledger(account).stream().mapToLong(LedgerEntry::amountMicros).reduce(0, Math::addExact);
        assertThat(read(account).balanceMicros()).as("balance of %s = sum of its ledger", account).isEqualTo(sum).isNotNegative();
    }

    /** Turns auto-charge off everywhere, so a test leaves no due account for the next one's runs. */
    void switchAllOff() {
        for (String account : opened) {
            store.saveAutoChargeSettings(account, new AutoChargeSettings(false, THRESHOLD, AMOUNT, Optional.empty()));
        }
    }
}
