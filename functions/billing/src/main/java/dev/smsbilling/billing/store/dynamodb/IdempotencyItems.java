package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency records: a key's request hash, status, stored answer and expiry. */
final class IdempotencyItems {
    /** API.md: the first answer is kept for 24 hours. */
    static final Duration RETENTION = Duration.ofHours(24);

    private IdempotencyItems() {
    }

    static Map<String, AttributeValue> completed(String accountId, Idempotency idempotency, StoredResponse response, Instant now) {
        Map<String, AttributeValue> item = common(accountId, idempotency, IdempotencyStatus.COMPLETED, now);
        item.put(Attributes.RESPONSE_STATUS, n(response.statusCode()));
        item.put(Attributes.RESPONSE_BODY, s(response.body()));
        return item;
    }

    static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
        IdempotencyStatus status = IdempotencyStatus.valueOf(Values.string(item, Attributes.IDEMPOTENCY_STATUS));
        Optional<StoredResponse> response = status == IdempotencyStatus.COMPLETED
                ? Optional.of(new StoredResponse(Math.toIntExact(Values.number(item, Attributes.RESPONSE_STATUS)),
                        Values.string(item, Attributes.RESPONSE_BODY)))
                : Optional.empty();
        return new IdempotencyRecord(
                Values.afterPrefix(item, Attributes.SK, Keys.IDEMPOTENCY_PREFIX),
                Values.string(item, Attributes.REQUEST_HASH),
                status,
                response,
                Instant.ofEpochSecond(Values.number(item, Attributes.EXPIRES_AT)),
                Values.optionalNumber(item, Attributes.IN_PROGRESS_EXPIRES_AT).map(Instant::ofEpochMilli),
                Values.optionalString(item, Attributes.HOLDER),
                Values.optionalString(item, Attributes.HOLD_CHARGE_KEY),
                Values.flag(item, Attributes.CHARGE_STARTED));
    }

    private static Map<String, AttributeValue> common(String accountId, Idempotency idempotency,
                                                      IdempotencyStatus status, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.idempotency(accountId, idempotency.key()));
        item.put(Attributes.REQUEST_HASH, s(idempotency.requestHash()));
        item.put(Attributes.IDEMPOTENCY_STATUS, s(status.name()));
        item.put(Attributes.EXPIRES_AT, n(now.plus(RETENTION).getEpochSecond()));
        item.put(Attributes.CREATED_AT, s(Timestamps.format(now)));
        return item;
    }
}
