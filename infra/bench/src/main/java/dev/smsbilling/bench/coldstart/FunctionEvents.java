package dev.smsbilling.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.SamTemplate;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the sample event of events/ that drives a function of template.yaml in the cold-start
 * runs: the event of its first route that has one, the REQUEST event for the authorizer, the
 * scheduled event for a scheduled function.
 */
final class FunctionEvents {
    private FunctionEvents() {
    }

    /**
     * The event file that drives {@code function}, from {@code events} (file name to parsed JSON,
     * in a stable order), or empty when events/ has none for it.
     */
    static Optional<String> eventFor(SamTemplate template, FunctionSpec function, Map<String, JsonNode> events) {
        for (String route : template.routeKeysOf(function)) {
            for (Map.Entry<String, JsonNode> event : events.entrySet()) {
                if (route.equals(event.getValue().path("routeKey").asText()) && !isAuthorizerEvent(event.getValue())) {
                    return Optional.of(event.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> event : events.entrySet()) {
            if (template.isAuthorizer(function) && isAuthorizerEvent(event.getValue())) {
                return Optional.of(event.getKey());
            }
            if (template.isScheduled(function) && "Scheduled Event".equals(event.getValue().path("detail-type").asText())) {
                return Optional.of(event.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean isAuthorizerEvent(JsonNode event) {
        return "REQUEST".equals(event.path("type").asText());
    }
}
