package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.WriteOutcome.Committed;
import dev.smsbilling.billing.testing.TestAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shared accounts, made due the way production does, and remembered so a test can audit them all. */
final class Accounts extends TestAccounts {
    static final long THRESHOLD = 5_000_000;
    static final long AMOUNT = 20_000_000;
    /** One cent above the threshold: the first debit of a message crosses it. */
    static final long JUST_ABOVE = THRESHOLD + 10_000;

    private final List<String> opened = new ArrayList<>();

    Accounts(BillingStore store) {
        super(store);
    }

    static AutoChargeSettings enabled(String paymentMethod) {
        return new AutoChargeSettings(true, THRESHOLD, AMOUNT, Optional.of(paymentMethod));
    }

    @Override
    public String open(Subscription subscription, long fundsMicros) {
        String account = super.open(subscription, fundsMicros);
        opened.add(account);
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

    void debit(String account, long costMicros) {
        MessageCharge charge = new MessageCharge("+14155552671", "+14155550100", 1, "US", costMicros, "GSM-7", costMicros,
                "2026-11-01");
        assertThat(store.debit(account, charge, Optional.empty(), entry -> new StoredResponse(202, "{}"),
                Deadline.within(Duration.ofMinutes(1))))
                .isInstanceOf(Committed.class);
    }

    List<String> opened() {
        return List.copyOf(opened);
    }

    List<LedgerEntry> autoCharges(String account) {
        return ledger(account).stream().filter(e -> e.type() == EntryType.AUTO_CHARGE).toList();
    }

    /** Turns auto-charge off everywhere, so a test leaves no due account for the next one's runs. */
    void switchAllOff() {
        for (String account : opened) {
            store.saveAutoChargeSettings(account, new AutoChargeSettings(false, THRESHOLD, AMOUNT, Optional.empty()));
        }
    }
}
