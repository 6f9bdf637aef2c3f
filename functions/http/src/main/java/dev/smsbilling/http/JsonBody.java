package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict parsing of a request body into a Jackson tree, where every way a body can be wrong
 * is a 400 {@code invalid_request}, never a 5xx.
 *
 * <p>The tree is built here from the token stream rather than by {@code readTree}, because
 * only here is the exact path of each problem known: a duplicate key or an unpaired surrogate
 * is reported as a field error at its path ({@code to[0]}, {@code a.b}), and all of them are
 * reported together. Rejected: an empty body, malformed or truncated JSON, content after the
 * value, a top-level value that is not an object, duplicate keys, nesting deeper than
 * {@link #MAX_DEPTH}, and strings or names with unpaired surrogates (Jackson decodes
 * {@code "\ud800"} without complaint; such text cannot be sent as an SMS or stored as UTF-8).
 *
 * <p>Numbers keep their exact form: integers as long or big-integer nodes, anything with a
 * fraction or exponent as a decimal node (never a double, so {@code 1e400} is not infinity).
 */
public final class JsonBody {

    /** Deeper than any body of the API needs, shallow enough that recursion here is safe. */
    public static final int MAX_DEPTH = 32;

    private final JsonParser parser;
    private final List<FieldError> problems = new ArrayList<>();

    private JsonBody(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Parses a body that must be one JSON object.
     *
     * @throws ApiException 400 {@code invalid_request}, with field errors when the problems
     *                      have a path
     */
    public static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("The request body is empty; a JSON object is required.");
        }
        try (JsonParser parser = Json.factory().createParser(body)) {
            return new JsonBody(parser).readDocument();
        } catch (StreamConstraintsException e) {
            throw invalid("The request body is not valid JSON: a number or field name in it is too long.");
        } catch (JsonProcessingException e) {
            throw invalid("The request body is not valid JSON" + where(e.getLocation()) + ".");
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid("The request body is not valid JSON: it has a number that cannot be read.");
        } catch (IOException e) {
            // Only a parse error can come from reading a String; keep the contract anyway.
            throw invalid("The request body is not valid JSON.");
        }
    }

    private ObjectNode readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw invalid("The request body must be a JSON object.");
        }
        ObjectNode root = readObject("", 1);
        if (parser.nextToken() != null) {
            throw invalid("The request body has unexpected content after the JSON object"
                    + where(parser.currentTokenLocation()) + ".");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("The request body is not valid.", problems);
        }
        return root;
    }

    private JsonNode readValue(String path, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw invalid("The request body is not valid JSON: it ends too early.");
        }
        switch (token) {
            case START_OBJECT:
                return readObject(path, depth + 1);
            case START_ARRAY:
                return readArray(path, depth + 1);
            case VALUE_STRING:
                String text = parser.getText();
                if (Utf16.hasLoneSurrogate(text)) {
                    problems.add(new FieldError(path, "contains an unpaired UTF-16 surrogate, which is not valid Unicode"));
                }
                return JsonNodeFactory.instance.textNode(text);
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT, LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
                    default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return DecimalNode.valueOf(parser.getDecimalValue());
            case VALUE_TRUE:
                return JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE:
                return JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL:
                return JsonNodeFactory.instance.nullNode();
            default:
                throw invalid("The request body is not valid JSON" + where(parser.currentTokenLocation()) + ".");
        }
    }

    private ObjectNode readObject(String path, int depth) throws IOException {
        checkDepth(depth);
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String fieldPath = path.isEmpty() ? Utf16.printable(name) : path + "." + Utf16.printable(name);
            if (Utf16.hasLoneSurrogate(name)) {
                problems.add(new FieldError(fieldPath, "the field name contains an unpaired UTF-16 surrogate, which is not valid Unicode"));
            }
            parser.nextToken();
            JsonNode value = readValue(fieldPath, depth);
            if (object.has(name)) {
                problems.add(new FieldError(fieldPath, "appears more than once"));
            } else {
                object.set(name, value);
            }
        }
        return object;
    }

    private ArrayNode readArray(String path, int depth) throws IOException {
        checkDepth(depth);
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(path + "[" + array.size() + "]", depth));
        }
        return array;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid("The request body is nested too deeply (more than " + MAX_DEPTH + " levels).");
        }
    }

    /** Line and column only: the parser's own message can quote the body. */
    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }
}
