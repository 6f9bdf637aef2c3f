package dev.smsbilling.billing.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one time format of the API and the table: ISO-8601 UTC, always with milliseconds. */
public final class Timestamps {
    // ISO_INSTANT drops a zero fraction, which would make some timestamps shorter than others.
    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return MILLIS_UTC.format(instant);
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }

    /** Now, cut to what the format keeps, so a written entry and its re-read are equal. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
