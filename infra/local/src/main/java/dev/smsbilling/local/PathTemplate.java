package dev.smsbilling.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path of an HTTP API: literal segments, {@code {name}} segments that match one
 * segment, and a last {@code {name+}} segment that matches the rest (one segment or more).
 */
final class PathTemplate implements Comparable<PathTemplate> {
    private enum Kind { LITERAL, PARAMETER, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private final String template;
    private final List<Segment> segments;

    PathTemplate(String template) {
        this.template = template;
        this.segments = new ArrayList<>();
        List<String> parts = split(template);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != parts.size() - 1) {
                    throw new IllegalArgumentException("a greedy segment must be the last one: " + template);
                }
                segments.add(new Segment(Kind.GREEDY, part.substring(1, part.length() - 2)));
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments.add(new Segment(Kind.PARAMETER, part.substring(1, part.length() - 1)));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
    }

    /** The path parameters, decoded, if the raw (still percent-encoded) path matches. */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.kind() == Kind.GREEDY) {
                if (i >= parts.size()) {
                    return Optional.empty();
                }
                parameters.put(segment.text(), PercentDecoding.decodePath(String.join("/", parts.subList(i, parts.size()))));
                return Optional.of(parameters);
            }
            if (i >= parts.size()) {
                return Optional.empty();
            }
            String part = parts.get(i);
            if (segment.kind() == Kind.LITERAL && !segment.text().equals(part)) {
                return Optional.empty();
            }
            if (segment.kind() == Kind.PARAMETER) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.text(), PercentDecoding.decodePath(part));
            }
        }
        return parts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * Most specific first, as API Gateway chooses among routes that match: at the first segment
     * where two templates differ, a literal beats a parameter, which beats a greedy segment.
     */
    @Override
    public int compareTo(PathTemplate other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            int byKind = segments.get(i).kind().compareTo(other.segments.get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(other.segments.size(), segments.size());
    }

    @Override
    public String toString() {
        return template;
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }
}
