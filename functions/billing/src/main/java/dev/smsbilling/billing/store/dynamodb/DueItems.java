package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.DueMark;
import dev.smsbilling.billing.store.PendingCharge;
import dev.smsbilling.billing.store.Timestamps;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The due mark, claim and pending charge on an account item; absent on an account that is not due. */
final class DueItems {
    private DueItems() {
    }

    static Optional<DueMark> fromItem(Map<String, AttributeValue> item) {
        Optional<String> dueId = Values.optionalString(item, Attributes.DUE_ID);
        if (dueId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DueMark(dueId.get(),
                Timestamps.parse(Values.string(item, Attributes.DUE_SINCE)),
                Math.toIntExact(Values.optionalNumber(item, Attributes.DUE_ATTEMPT).orElse(0L)),
                Values.optionalNumber(item, Attributes.CLAIM_UNTIL).map(Instant::ofEpochMilli),
                pending(item), item.containsKey(Attributes.PENDING_UNSENT)));
    }

    private static Optional<PendingCharge> pending(Map<String, AttributeValue> item) {
        return Values.optionalString(item, Attributes.PENDING_CHARGE_KEY).map(key -> new PendingCharge(key,
                Values.string(item, Attributes.PENDING_PAYMENT_METHOD), Values.number(item, Attributes.PENDING_AMOUNT)));
    }
}
