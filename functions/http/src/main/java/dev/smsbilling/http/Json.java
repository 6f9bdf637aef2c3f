package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one Jackson configuration of the HTTP functions.
 *
 * <p>Built once per container: an {@code ObjectMapper} is expensive to create and thread-safe
 * to share. The mapper itself stays private so no caller can reconfigure it for everyone else;
 * callers get the immutable writer.
 */
public final class Json {

    /**
     * A backstop for every parser made here; {@link JsonBody} enforces its own, tighter limit.
     * Without it, a deeply nested event or body could exhaust the stack.
     */
    static final int MAX_PARSER_NESTING = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_PARSER_NESTING).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {
    }

    public static ObjectWriter writer() {
        return WRITER;
    }

    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    static JsonFactory factory() {
        return FACTORY;
    }
}
