package dev.smsbilling.local;

import dev.smsbilling.template.RouteSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the route of a request among the template's routes, the most specific one when several match. */
final class Router {
    private record Entry(RouteSpec route, PathTemplate path) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Router(List<RouteSpec> routes) {
        routes.forEach(r -> entries.add(new Entry(r, new PathTemplate(r.path()))));
        // An exact method wins over ANY on the same path, as in API Gateway.
        entries.sort(Comparator.comparing(Entry::path).thenComparing(e -> e.route().isAnyMethod()));
    }

    Optional<RouteMatch> match(String method, String rawPath) {
        for (Entry entry : entries) {
            if (!entry.route().isAnyMethod() && !entry.route().method().equals(method)) {
                continue;
            }
            var parameters = entry.path().match(rawPath);
            if (parameters.isPresent()) {
                return Optional.of(new RouteMatch(entry.route(), parameters.get()));
            }
        }
        return Optional.empty();
    }
}
