package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.Timestamps;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Ledger entry items; a message charge carries its whole message record. */
final class LedgerItems {
    private LedgerItems() {
    }

    static Map<String, AttributeValue> toItem(String accountId, LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.ledgerEntry(accountId, entry.seq()));
        item.put(Attributes.ID, s(entry.id()));
        item.put(Attributes.TYPE, s(entry.type().wireValue()));
        item.put(Attributes.AMOUNT, n(entry.amountMicros()));
        item.put(Attributes.BALANCE_AFTER, n(entry.balanceAfterMicros()));
        item.put(Attributes.CREATED_AT, s(Timestamps.format(entry.createdAt())));
        if (entry.details() instanceof EntryDetails.Message message) {
            MessageCharge charge = message.charge();
            item.put(Attributes.MESSAGE_ID, s(message.messageId()));
            item.put(Attributes.MESSAGE_STATUS, s(message.status()));
            item.put(Attributes.TO, s(charge.to()));
            item.put(Attributes.FROM, s(charge.from()));
            item.put(Attributes.SEGMENTS, n(charge.segments()));
            item.put(Attributes.COUNTRY, s(charge.country()));
            item.put(Attributes.PER_SEGMENT, n(charge.perSegmentMicros()));
            item.put(Attributes.ENCODING, s(charge.encoding()));
            item.put(Attributes.COST, n(charge.costMicros()));
            item.put(Attributes.RATE_TABLE_VERSION, s(charge.rateTableVersion()));
        } else if (entry.details() instanceof EntryDetails.Payment payment) {
            item.put(Attributes.PAYMENT_REFERENCE, s(payment.paymentReference()));
        }
        return item;
    }

    static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        EntryType type = EntryType.fromWireValue(Values.string(item, Attributes.TYPE));
        return new LedgerEntry(
                Values.string(item, Attributes.ID),
                Long.parseLong(Values.afterPrefix(item, Attributes.SK, Keys.LEDGER_PREFIX)),
                type,
                Values.number(item, Attributes.AMOUNT),
                Values.number(item, Attributes.BALANCE_AFTER),
                Timestamps.parse(Values.string(item, Attributes.CREATED_AT)),
                type.isCredit() ? payment(item) : message(item));
    }

    private static EntryDetails payment(Map<String, AttributeValue> item) {
        return new EntryDetails.Payment(Values.string(item, Attributes.PAYMENT_REFERENCE));
    }

    private static EntryDetails message(Map<String, AttributeValue> item) {
        MessageCharge charge = new MessageCharge(
                Values.string(item, Attributes.TO),
                Values.string(item, Attributes.FROM),
                Math.toIntExact(Values.number(item, Attributes.SEGMENTS)),
                Values.string(item, Attributes.COUNTRY),
                Values.number(item, Attributes.PER_SEGMENT),
                Values.string(item, Attributes.ENCODING),
                Values.number(item, Attributes.COST),
                Values.string(item, Attributes.RATE_TABLE_VERSION));
        return new EntryDetails.Message(
                Values.string(item, Attributes.MESSAGE_ID), Values.string(item, Attributes.MESSAGE_STATUS), charge);
    }
}
