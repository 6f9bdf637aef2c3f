package dev.smsbilling.billing.store.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing attribute values, failing loudly on an item that lacks what it must have. */
final class Values {
    private Values() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The SDK answers a missing item with an empty map (or none at all); both mean absent. */
    static Optional<Map<String, AttributeValue>> present(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    static String string(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name).orElseThrow(() -> missing(item, name));
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }

    /** A flag set to true; absent (or anything else) is false. */
    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return optionalNumber(item, name).orElseThrow(() -> missing(item, name));
    }

    static Optional<Long> optionalNumber(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::n).map(Long::parseLong);
    }

    static String afterPrefix(Map<String, AttributeValue> item, String name, String prefix) {
        String value = string(item, name);
        if (!value.startsWith(prefix)) {
            throw new IllegalStateException(name + " " + value + " does not start with " + prefix);
        }
        return value.substring(prefix.length());
    }

    private static IllegalStateException missing(Map<String, AttributeValue> item, String name) {
        return new IllegalStateException("item " + item.get(Attributes.PK) + "/" + item.get(Attributes.SK)
                + " has no " + name);
    }
}
