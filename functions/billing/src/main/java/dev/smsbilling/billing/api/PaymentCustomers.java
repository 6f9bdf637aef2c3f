package dev.smsbilling.billing.api;

import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.store.BillingStore;
import java.util.Optional;

/**
 * Whom a charge is for at the processor: the account's customer, the same for its top-ups by hand
 * and its auto-charges. Created with the account's first charge, not with the account, so an
 * account that never pays costs the processor nothing, and an account opened before customers
 * existed gets one the same way.
 */
public final class PaymentCustomers {
    private PaymentCustomers() {
    }

    /**
     * The customer saved on the account, or one created now and saved. Two first charges racing
     * are answered one customer by the processor (its key is the account's) and the store keeps
     * the first saved. Call it before the charge is marked sent: a charge retried under its key
     * must name the customer the first attempt named, and only a saved one is sure to be that.
     *
     * @param saved what the account (or the claim on it) last said
     * @throws PaymentUnavailable when the processor cannot create one now; nothing was charged
     */
    public static String of(BillingStore store, PaymentProcessor processor, String accountId, Optional<String> saved)
            throws PaymentUnavailable {
        if (saved.isPresent()) {
            return saved.get();
        }
        String created = processor.customerFor(accountId);
        // Empty only when the account is gone, which the charge's credit then finds out.
        return store.savePaymentCustomer(accountId, created).orElse(created);
    }
}
