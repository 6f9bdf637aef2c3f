package dev.smsbilling.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response in the shape API Gateway HTTP API (payload 2.0) expects back from a function.
 *
 * <p>The body is kept as the exact text that goes on the wire, so an idempotent replay can
 * return a stored response byte for byte.
 */
public final class ApiResponse {

    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private final int status;
    private final Map<String, String> headers;
    private final String body;

    private ApiResponse(int status, Map<String, String> headers, String body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        this.status = status;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = Objects.requireNonNull(body, "body");
    }

    /** {@code {"data": data}} with the given status; {@code data} is serialised by Jackson. */
    public static ApiResponse data(int status, Object data) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", data);
        return json(status, document);
    }

    /** A whole JSON document, for the few responses with more than {@code data} at the top. */
    public static ApiResponse json(int status, Object document) {
        try {
            return of(status, Map.of("Content-Type", JSON_CONTENT_TYPE), Json.writer().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response exactly as given, for replaying a stored one. */
    public static ApiResponse of(int status, Map<String, String> headers, String body) {
        return new ApiResponse(status, headers, body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    /** Writes {@code {"statusCode":..,"headers":{..},"body":"..","isBase64Encoded":false}}. */
    public void writeTo(OutputStream out) throws IOException {
        try (JsonGenerator g = Json.factory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", status);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                g.writeStringField(header.getKey(), header.getValue());
            }
            g.writeEndObject();
            g.writeStringField("body", body);
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + "]";
    }
}
