package dev.smsbilling.local;

import dev.smsbilling.template.RouteSpec;
import java.util.Map;

/** The route a request landed on, with the values of its path parameters. */
record RouteMatch(RouteSpec route, Map<String, String> pathParameters) {
}
