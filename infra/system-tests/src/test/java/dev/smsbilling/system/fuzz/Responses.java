package dev.smsbilling.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every answer of the API obeys, whatever was asked: never a 5xx, the status the
 * oracle expects, the error envelope of API.md on a 4xx, a {@code data} document on a 2xx,
 * and nothing that looks like a stack trace.
 */
final class Responses {
    private static final List<String> STACK_TRACE_MARKERS = List.of("Exception", "at dev.", "java.", "\tat ");

    private Responses() {
    }

    /** Every rule the reply breaks; empty when it is fine. */
    static List<String> problems(FuzzRequest request, Reply reply) {
        List<String> problems = new ArrayList<>();
        int status = reply.status();
        if (status >= 500) {
            problems.add("answered " + status);
        }
        if (!request.expect().accepts(status)) {
            problems.add("expected " + request.expect() + " but got " + status);
        }
        String text = reply.text();
        String sent = request.bodyText() + " " + request.target() + " " + request.headers().values();
        for (String marker : STACK_TRACE_MARKERS) {
            // A 2xx may echo what the client sent (a message's text); only text of our own counts.
            if (text.contains(marker) && !sent.contains(marker)) {
                problems.add("the body contains '" + marker.strip() + "'");
            }
        }
        JsonNode json = reply.json();
        if (json == null || !json.isObject()) {
            problems.add("the body is not a JSON object");
            return problems;
        }
        if (status / 100 == 4 || status / 100 == 5) {
            envelope(json, status, problems);
        } else if (status / 100 == 2) {
            if (!json.has("data") || json.get("data").isNull()) {
                problems.add("a 2xx without data");
            }
        }
        return problems;
    }

    private static void envelope(JsonNode json, int status, List<String> problems) {
        if (!json.path("message").isTextual() || json.path("message").asText().isBlank()) {
            problems.add("the envelope has no message");
        }
        if (!json.path("code").isTextual() || !json.path("code").asText().matches("[a-z_]+")) {
            problems.add("the envelope has no machine code");
        }
        if (!json.path("status").isInt() || json.path("status").asInt() != status) {
            problems.add("the envelope's status is not the HTTP status " + status);
        }
        if (!json.path("title").isTextual() || json.path("title").asText().isBlank()) {
            problems.add("the envelope has no title");
        }
        if (json.has("errors")) {
            JsonNode errors = json.get("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                problems.add("errors is not a non-empty array");
            } else {
                for (JsonNode error : errors) {
                    if (!error.path("path").isTextual() || !error.path("message").isTextual()) {
                        problems.add("an errors[] entry without path and message: " + error);
                    }
                }
            }
        }
    }
}
