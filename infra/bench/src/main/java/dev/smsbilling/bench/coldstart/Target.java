package dev.smsbilling.bench.coldstart;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One thing to start cold: a function of the template, a floor, or a variant of either (the same
 * classpath with other JVM flags).
 *
 * @param label     as the report shows it
 * @param base      the function or floor this is (a variant's base is what it varies)
 * @param classpath launcher directory first, then the code
 * @param handler   {@code class::method}
 * @param event     the event file
 * @param flags     JVM flags: Lambda's, plus the variant's own
 * @param env       extra environment variables of the child JVM
 */
record Target(String label, String base, Kind kind, List<Path> classpath, String handler, Path event,
              List<String> flags, Map<String, String> env) {
    enum Kind { FLOOR, FUNCTION, VARIANT }

    Target withClasspath(List<Path> other) {
        return new Target(label, base, kind, other, handler, event, flags, env);
    }

    Target withFlags(String label, List<String> more) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(more);
        return new Target(label, base, Kind.VARIANT, classpath, handler, event, all, env);
    }
}
