package dev.smsbilling.template;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@code Schedule} or {@code ScheduleV2} event of a function. {@code rate} is empty for cron
 * expressions: those run only when asked to (a daily cron ticking every minute would mislead).
 */
public record ScheduleSpec(String name, FunctionSpec function, String expression, Optional<Duration> rate) {
}
