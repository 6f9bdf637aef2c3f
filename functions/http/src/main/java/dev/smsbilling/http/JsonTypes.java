package dev.smsbilling.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Names a JSON value's type the way an error message reads best. */
public final class JsonTypes {

    private JsonTypes() {
    }

    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "an unsupported value";
        };
    }
}
