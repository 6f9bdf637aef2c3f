package dev.smsbilling.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads log lines as CloudWatch reads Embedded Metric Format: a JSON object whose {@code _aws}
 * member declares metrics (name, unit) under dimension sets, each name and dimension a
 * top-level member of the same line. What it rejects, CloudWatch would drop as a metric.
 */
public final class EmbeddedMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

    private EmbeddedMetrics() {
    }

    /** The line as JSON if it is a JSON object, else empty (a plain text line). */
    public static Optional<JsonNode> json(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** What CloudWatch would refuse in this EMF document; empty when it is valid. */
    public static List<String> problems(JsonNode line) {
        List<String> problems = new ArrayList<>();
        JsonNode aws = line.path("_aws");
        if (!aws.isObject()) {
            return List.of("no _aws object");
        }
        if (!aws.path("Timestamp").canConvertToLong()) {
            problems.add("_aws.Timestamp is not epoch milliseconds");
        }
        JsonNode directives = aws.path("CloudWatchMetrics");
        if (!directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics is not an array");
            return problems;
        }
        for (JsonNode directive : directives) {
            if (directive.path("Namespace").asText("").isBlank() || directive.path("Namespace").asText().length() > 256) {
                problems.add("a directive without a Namespace of 1..256 characters");
            }
            for (JsonNode set : directive.path("Dimensions")) {
                if (!set.isArray() || set.size() > 30) {
                    problems.add("a dimension set that is not an array of at most 30 names: " + set);
                    continue;
                }
                for (JsonNode dimension : set) {
                    if (!line.path(dimension.asText()).isTextual()) {
                        problems.add("dimension " + dimension.asText() + " is not a string member of the line");
                    }
                }
            }
            if (!directive.path("Metrics").isArray() || directive.path("Metrics").size() > 100) {
                problems.add("a directive without a Metrics array of at most 100");
            }
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText("");
                if (!line.path(name).isNumber()) {
                    problems.add("metric " + name + " has no numeric member on the line");
                }
                if (metric.has("Unit") && !UNITS.contains(metric.path("Unit").asText())) {
                    problems.add("metric " + name + " has the unit " + metric.path("Unit").asText() + ", which CloudWatch does not know");
                }
            }
        }
        return problems;
    }

    /** Every metric the line publishes, by name, with its value. */
    public static TreeMap<String, Long> values(JsonNode line) {
        TreeMap<String, Long> values = new TreeMap<>();
        for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode metric : directive.path("Metrics")) {
                values.put(metric.path("Name").asText(), line.path(metric.path("Name").asText()).asLong());
            }
        }
        return values;
    }
}
