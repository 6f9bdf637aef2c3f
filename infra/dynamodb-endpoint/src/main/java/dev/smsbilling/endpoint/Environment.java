package dev.smsbilling.endpoint;

import java.util.Map;

/** The environment variables the endpoint choice reads; a seam so tests can pose as another machine. */
@FunctionalInterface
public interface Environment {
    String get(String name);

    static Environment system() {
        return System::getenv;
    }

    static Environment of(Map<String, String> values) {
        return values::get;
    }
}
