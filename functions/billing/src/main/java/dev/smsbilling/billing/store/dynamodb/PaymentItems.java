package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Timestamps;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The guard item of a credited payment: which account and ledger entry it was credited as, and
 * the answer that credit gave, so that a retry which reaches the processor again (after its key's
 * 24 hours) is answered as the first time instead of being credited twice. Kept for ever: it is
 * small, and a payment reference never comes back to mean something else.
 */
final class PaymentItems {
    private PaymentItems() {
    }

    static Map<String, AttributeValue> toItem(String accountId, LedgerEntry entry, StoredResponse response) {
        String reference = ((EntryDetails.Payment) entry.details()).paymentReference();
        Map<String, AttributeValue> item = new HashMap<>(Keys.payment(reference));
        item.put(Attributes.ACCOUNT_ID, s(accountId));
        item.put(Attributes.ID, s(entry.id()));
        item.put(Attributes.SEQ, n(entry.seq()));
        item.put(Attributes.TYPE, s(entry.type().wireValue()));
        item.put(Attributes.CREATED_AT, s(Timestamps.format(entry.createdAt())));
        item.put(Attributes.RESPONSE_STATUS, n(response.statusCode()));
        item.put(Attributes.RESPONSE_BODY, s(response.body()));
        return item;
    }

    static String accountOf(Map<String, AttributeValue> item) {
        return Values.string(item, Attributes.ACCOUNT_ID);
    }

    static StoredResponse responseOf(Map<String, AttributeValue> item) {
        return new StoredResponse(Math.toIntExact(Values.number(item, Attributes.RESPONSE_STATUS)),
                Values.string(item, Attributes.RESPONSE_BODY));
    }
}
