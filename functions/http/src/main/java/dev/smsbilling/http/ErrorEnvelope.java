package dev.smsbilling.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Renders an {@link ApiException} as the contract's error envelope:
 * {@code {"message", "code", "status", "title", "errors"?, ...extras}}.
 */
public final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    public static ApiResponse toResponse(ApiException e) {
        ErrorCode code = e.code();
        ObjectNode envelope = Json.newObject();
        envelope.put("message", e.getMessage());
        envelope.put("code", code.code());
        envelope.put("status", code.status());
        envelope.put("title", code.title());
        if (!e.errors().isEmpty()) {
            ArrayNode errors = envelope.putArray("errors");
            for (FieldError error : e.errors()) {
                errors.addObject().put("path", error.path()).put("message", error.message());
            }
        }
        for (Map.Entry<String, Object> extra : e.extras().entrySet()) {
            envelope.putPOJO(extra.getKey(), extra.getValue());
        }
        ApiResponse response = ApiResponse.json(code.status(), envelope);
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** The 500 for anything unexpected: the fixed text only, never the cause's message. */
    public static ApiResponse internalError() {
        return toResponse(new ApiException(ErrorCode.INTERNAL_ERROR));
    }
}
