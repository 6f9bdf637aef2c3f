package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.IdempotencyRecord;
import dev.smsbilling.billing.store.IdempotencyStatus;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.store.UnsettledTopUp;
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

    /** A hold as the sparse index of unsettled top-ups lists it: its account, its key, its charge's first send. */
    static UnsettledTopUp unsettledFromItem(Map<String, AttributeValue> item) {
        return new UnsettledTopUp(Values.afterPrefix(item, Attributes.PK, Keys.ACCOUNT_PREFIX), key(item),
                Timestamps.parse(Values.string(item, Attributes.CHARGE_STARTED_AT)));
    }

    static IdempotencyRecord fromItem(Map<String, AttributeValue> item) {
        IdempotencyStatus status = IdempotencyStatus.valueOf(Values.string(item, Attributes.IDEMPOTENCY_STATUS));
        Optional<StoredResponse> response = status == IdempotencyStatus.COMPLETED
                ? Optional.of(new StoredResponse(Math.toIntExact(Values.number(item, Attributes.RESPONSE_STATUS)),
                        Values.string(item, Attributes.RESPONSE_BODY)))
                : Optional.empty();
        return new IdempotencyRecord(
                key(item),
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

    /** The client's Idempotency-Key, from the item's sort key. */
    private static String key(Map<String, AttributeValue> item) {
        return Values.afterPrefix(item, Attributes.SK, Keys.IDEMPOTENCY_PREFIX);
    }
}
