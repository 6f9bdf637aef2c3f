package dev.smsbilling.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the scheduled function at its rate while the local API runs, as EventBridge would.
 * Ticks are serialised on one thread; a failed tick is reported and the next one still comes.
 */
final class ScheduleTicker implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private ScheduleTicker(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static ScheduleTicker start(ScheduledRun run, Duration every, Consumer<String> log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedule-" + run.spec().function().name());
            t.setDaemon(true);
            return t;
        });
        long millis = every.toMillis();
        timer.scheduleAtFixedRate(() -> tick(run, log), millis, millis, TimeUnit.MILLISECONDS);
        return new ScheduleTicker(timer);
    }

    private static void tick(ScheduledRun run, Consumer<String> log) {
        long started = System.nanoTime();
        String name = run.spec().function().name();
        try {
            String summary = new String(run.runNow(), StandardCharsets.UTF_8).strip();
            log.accept("schedule " + name + " " + summary + " " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (InvocationFailed e) {
            log.accept("schedule " + name + " failed: " + FailureReport.describe(e));
        } catch (RuntimeException e) {
            log.accept("schedule " + name + " failed: " + e.getClass().getName());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
