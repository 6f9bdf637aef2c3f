package dev.smsbilling.http;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A function's configuration: environment variables, as Lambda sets them from template.yaml,
 * and failing that Java system properties of the same name, which is how the local API
 * configures handlers that share one JVM.
 */
public final class Settings {
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> properties;

    /** Settings read from other sources than the process's own (tests). */
    public Settings(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    public static Settings fromEnvironment() {
        return new Settings(System::getenv, System::getProperty);
    }

    public Optional<String> optional(String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            value = properties.apply(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(
                name + " is not set: template.yaml sets it for every function, the local API sets it as a system property"));
    }

    public String tableName() {
        return required("TABLE_NAME");
    }
}
