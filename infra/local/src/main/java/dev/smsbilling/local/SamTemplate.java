package dev.smsbilling.local;

import java.util.List;
import java.util.Optional;

/** What the local API needs of template.yaml: the functions, their routes and their schedules. */
public record SamTemplate(List<FunctionSpec> functions, List<RouteSpec> routes, List<ScheduleSpec> schedules) {

    public SamTemplate {
        functions = List.copyOf(functions);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
    }

    public boolean hasRoute(String method, String path) {
        return routes.stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path));
    }

    /** The function that the local-only "run the schedule now" route triggers. */
    public Optional<ScheduleSpec> firstSchedule() {
        return schedules.stream().findFirst();
    }
}
