package dev.smsbilling.local;

import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import dev.smsbilling.template.SamTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;

/** The start-up summary: which routes are served by which function, and which functions are missing. */
final class RouteListing {
    private RouteListing() {
    }

    static void print(SamTemplate template, URI base, List<String> unavailable, PrintStream out) {
        out.println();
        out.println("Routes of template.yaml on " + base + ":");
        for (RouteSpec route : template.routes()) {
            out.printf("  %-7s %-45s %s%s%n", route.method(), route.path(), route.function().name(), guard(route.auth()));
        }
        template.firstSchedule().ifPresent(s -> out.printf("  %-7s %-45s %s (local only; %s)%n", "POST",
                Gateway.RUN_SCHEDULE_PATH, s.function().name(),
                s.rate().isPresent() ? "also runs " + s.expression() : s.expression() + " is not ticked locally"));
        for (String reason : unavailable) {
            out.println("  unavailable: " + reason);
        }
        out.println();
    }

    private static String guard(RouteAuth auth) {
        if (auth instanceof RouteAuth.Lambda lambda) {
            return " [" + lambda.authorizer().name() + "]";
        }
        return auth instanceof RouteAuth.Iam ? " [loopback only]" : "";
    }
}
