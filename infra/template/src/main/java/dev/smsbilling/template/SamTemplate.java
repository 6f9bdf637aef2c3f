package dev.smsbilling.template;

import java.util.List;
import java.util.Optional;

/**
 * What running template.yaml outside AWS needs of it (the local API, the cold-start benchmark):
 * the functions, their routes, the enabled schedules, and the Lambda authorizers the HTTP APIs
 * declare. Read by {@link TemplateReader}, the one reader of these parts of the template (the
 * table's definition is read where tables are created).
 */
public record SamTemplate(List<FunctionSpec> functions, List<RouteSpec> routes, List<ScheduleSpec> schedules,
                          List<AuthorizerSpec> authorizers) {

    public SamTemplate {
        functions = List.copyOf(functions);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
        authorizers = List.copyOf(authorizers);
    }

    /** The route keys ({@code POST /v1/messages}) of {@code function}, in template order. */
    public List<String> routeKeysOf(FunctionSpec function) {
        return routes.stream().filter(r -> r.function().equals(function)).map(RouteSpec::routeKey).toList();
    }

    /** Whether an HTTP API of the template uses {@code function} as its Lambda authorizer. */
    public boolean isAuthorizer(FunctionSpec function) {
        return authorizers.stream().anyMatch(a -> a.function().equals(function));
    }

    /** Whether an enabled schedule invokes {@code function}. */
    public boolean isScheduled(FunctionSpec function) {
        return schedules.stream().anyMatch(s -> s.function().equals(function));
    }

    public boolean hasRoute(String method, String path) {
        return routes.stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    /** The function that the local-only "run the schedule now" route triggers. */
    public Optional<ScheduleSpec> firstSchedule() {
        return schedules.stream().findFirst();
    }
}
