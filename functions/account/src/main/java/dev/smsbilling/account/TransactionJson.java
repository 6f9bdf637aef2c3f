package dev.smsbilling.account;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One statement line: the fields every entry has, then what its type adds. A message charge
 * carries its quote, so a customer can check each line against the published rates.
 */
final class TransactionJson {
    private TransactionJson() {
    }

    static Map<String, Object> of(LedgerEntry entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", entry.id());
        line.put("type", entry.type().wireValue());
        line.put("amountMicros", entry.amountMicros());
        line.put("balanceAfterMicros", entry.balanceAfterMicros());
        line.put("createdAt", Timestamps.format(entry.createdAt()));
        if (entry.details() instanceof EntryDetails.Message message) {
            MessageCharge charge = message.charge();
            line.put("messageId", message.messageId());
            line.put("to", charge.to());
            line.put("country", charge.country());
            line.put("encoding", charge.encoding());
            line.put("segments", charge.segments());
            line.put("perSegmentMicros", charge.perSegmentMicros());
            line.put("costMicros", charge.costMicros());
            line.put("rateTableVersion", charge.rateTableVersion());
            line.put("status", message.status());
        } else if (entry.details() instanceof EntryDetails.Payment payment) {
            line.put("paymentReference", payment.paymentReference());
        }
        return line;
    }
}
