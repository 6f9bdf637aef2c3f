package dev.smsbilling.addfunds;

import dev.smsbilling.billing.api.Outcomes;
import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 201 of a top-up, stored with the credit so that replays are byte for byte. */
final class FundsResponses {
    private FundsResponses() {
    }

    /** The store's renderer: no side effects, it may run once per write attempt. */
    static StoredResponse created(LedgerEntry entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", entry.id());
        data.put("amountMicros", entry.amountMicros());
        data.put("balanceAfterMicros", entry.balanceAfterMicros());
        data.put("paymentReference", ((EntryDetails.Payment) entry.details()).paymentReference());
        return Outcomes.toStored(ApiResponse.data(201, data));
    }
}
