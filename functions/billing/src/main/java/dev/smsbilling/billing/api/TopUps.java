package dev.smsbilling.billing.api;

import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.ProcessorKeys;
import dev.smsbilling.billing.store.BeginResult.Started;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.CreditResult;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a top-up's two writers share: the request that asked (add-funds) and the sweep that
 * settles it when that request died after charging. Both must name the same processor charge
 * and store the same answer, or the sweep could not find the charge, nor a client's later retry
 * replay the credit the sweep wrote.
 */
public final class TopUps {
    private TopUps() {
    }

    /**
     * The processor's idempotency key of a hold's charge: per account, request and hold's charge,
     * so one client key on two accounts, reused with another card, or held again after a decline,
     * is another charge, while a takeover of an abandoned hold is the same one; hashed to stay
     * within the processors' key length (Stripe: 255) whatever the client's key.
     */
    public static String processorKey(String accountId, Idempotency idempotency, Started hold) {
        return Started.LEGACY_CHARGE.equals(hold.chargeKey())
                ? ProcessorKeys.of("topup", accountId, idempotency.key(), idempotency.requestHash())
                : ProcessorKeys.of("topup", accountId, idempotency.key(), idempotency.requestHash(), hold.chargeKey());
    }

    /**
     * Credits a hold's charge, completing the hold: the amount the processor took, its reference
     * on the entry, and the 201 a retry of the request replays.
     */
    public static CreditResult credit(BillingStore store, String accountId, Idempotency idempotency,
                                      ChargeResult.Succeeded charged, Deadline deadline) {
        return store.credit(accountId, new Credit(EntryType.FUNDS_ADDED, charged.amountMicros(), charged.reference()),
                Optional.of(idempotency), TopUps::created, deadline);
    }

    /** The 201 of a top-up, stored with the credit so that replays are byte for byte; no side effects, it may run once per write attempt. */
    public static StoredResponse created(LedgerEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", entry.id());
        data.put("amountMicros", entry.amountMicros());
        data.put("balanceAfterMicros", entry.balanceAfterMicros());
        data.put("paymentReference", ((EntryDetails.Payment) entry.details()).paymentReference());
        return Outcomes.toStored(ApiResponse.data(201, data));
    }
}
