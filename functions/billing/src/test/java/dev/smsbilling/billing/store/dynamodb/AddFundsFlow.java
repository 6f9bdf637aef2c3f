package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.api.TopUps;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.store.BeginResult;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.testing.TestAccounts;
import java.time.Duration;
import java.util.Optional;

/**
 * The add-funds protocol as its handler will run it: hold the key, charge, then credit (or
 * release the key on a decline). A test can stop it after the charge to play a crash.
 */
final class AddFundsFlow {
    static final Duration HOLD = Duration.ofSeconds(30);

    private final BillingStore store;
    private final PaymentProcessor processor;

    AddFundsFlow(BillingStore store, PaymentProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    /** What the flow answered: a store result, or a decline (which released the key). */
    sealed interface Outcome {
    }

    record Stored(Object result) implements Outcome {
    }

    record Declined(String code) implements Outcome {
    }

    record CrashedAfterCharge() implements Outcome {
    }

    Outcome run(String accountId, Idempotency key, long amountMicros, String paymentMethod, boolean crashAfterCharge)
            throws PaymentUnavailable {
        BeginResult begun = store.beginIdempotentRequest(accountId, key, HOLD);
        if (!(begun instanceof Started hold)) {
            return new Stored(begun);
        }
        // Add-funds' own key: per account, request and hold, so one client key on two accounts is two charges.
        ChargeResult charged = processor.charge(new ChargeRequest(processor.customerFor(accountId), paymentMethod, amountMicros,
                TopUps.processorKey(accountId, key, hold), "top-up"));
        if (charged instanceof ChargeResult.Declined declined) {
            store.releaseIdempotentRequest(accountId, key, hold);
            return new Declined(declined.code());
        }
        if (crashAfterCharge) {
            return new CrashedAfterCharge();
        }
        String reference = ((ChargeResult.Succeeded) charged).reference();
        return new Stored(store.credit(accountId, new Credit(EntryType.FUNDS_ADDED, amountMicros, reference),
                Optional.of(key), StoreFixture.RENDERER, TestAccounts.generous()));
    }
}
