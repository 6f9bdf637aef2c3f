package dev.smsbilling.sendcharge;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.message.SendMessageBody;
import dev.smsbilling.pricing.Quote;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 202 of an accepted message: OpenPhone's message object plus what it cost and what is left. */
final class MessageResponse {
    private MessageResponse() {
    }

    static ApiResponse accepted(LedgerEntry entry, SendMessageBody body, Quote quote) {
        EntryDetails.Message message = (EntryDetails.Message) entry.details();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", message.messageId());
        data.put("to", body.toList());
        data.put("from", body.from());
        data.put("text", body.content());
        data.put("direction", "outgoing");
        data.put("status", message.status());
        data.put("createdAt", Timestamps.format(entry.createdAt()));
        if (body.userId() != null) {
            data.put("userId", body.userId());
        }
        data.put("cost", quote);
        data.put("balanceAfterMicros", entry.balanceAfterMicros());
        return ApiResponse.data(202, data);
    }
}
