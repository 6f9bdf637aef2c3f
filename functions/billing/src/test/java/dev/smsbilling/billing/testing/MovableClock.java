package dev.smsbilling.billing.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's clock, moved by a test: holds, claims and idempotency records left by a crashed
 * invocation lapse without waiting. Shared through billing's test jar.
 */
public final class MovableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MovableClock() {
        this(Instant.parse("2026-11-27T10:15:30.123Z"));
    }

    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
