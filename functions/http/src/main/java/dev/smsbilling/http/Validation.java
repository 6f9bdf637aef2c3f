package dev.smsbilling.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field error of a request so the client learns all of them in one 400.
 *
 * <p>Each accessor takes the node (null when the field is absent) and the path to report. On a
 * problem it records a {@link FieldError} and returns null; call {@link #throwIfInvalid()}
 * once all fields are read. For optional fields an explicit JSON {@code null} means absent.
 */
public final class Validation {

    private final List<FieldError> errors = new ArrayList<>();

    public String requiredString(JsonNode node, String path) {
        if (isAbsent(node)) {
            return missing(path);
        }
        return string(node, path);
    }

    public String optionalString(JsonNode node, String path) {
        return isAbsent(node) || node.isNull() ? null : string(node, path);
    }

    /**
     * An exact integer that fits in a {@code long}. A fraction, an exponent ({@code 1.0},
     * {@code 1e3}) or a quoted number is refused rather than converted: money must arrive exact.
     */
    public Long requiredLong(JsonNode node, String path) {
        if (isAbsent(node)) {
            return missing(path);
        }
        return integer(node, path);
    }

    public Long optionalLong(JsonNode node, String path) {
        return isAbsent(node) || node.isNull() ? null : integer(node, path);
    }

    public Boolean requiredBoolean(JsonNode node, String path) {
        if (isAbsent(node)) {
            return missing(path);
        }
        return bool(node, path);
    }

    public Boolean optionalBoolean(JsonNode node, String path) {
        return isAbsent(node) || node.isNull() ? null : bool(node, path);
    }

    /** Records a problem found by the caller's own rule. */
    public void reject(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws ApiException 400 {@code invalid_request} listing every error recorded */
    public void throwIfInvalid() {
        if (hasErrors()) {
            throw ApiException.invalid("The request body is not valid.", errors);
        }
    }

    private String string(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue();
        }
        reject(path, "must be a string, not " + JsonTypes.describe(node));
        return null;
    }

    private Long integer(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return node.longValue();
            }
            reject(path, "is out of range: it must fit in a signed 64-bit integer");
        } else if (node.isNumber()) {
            reject(path, "must be a whole number written without a decimal point or exponent");
        } else if (node.isTextual()) {
            reject(path, "must be a number, not a string (remove the quotes)");
        } else {
            reject(path, "must be an integer, not " + JsonTypes.describe(node));
        }
        return null;
    }

    private Boolean bool(JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        reject(path, "must be true or false, not " + JsonTypes.describe(node));
        return null;
    }

    private <T> T missing(String path) {
        reject(path, "is required");
        return null;
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode();
    }
}
