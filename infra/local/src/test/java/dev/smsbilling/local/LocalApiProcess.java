package dev.smsbilling.local;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.smsbilling.endpoint.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local API as a user runs it (infra/local/run's java command), in a JVM of its own with its
 * own moto, its console captured to a file: what a user sees, and what a Lambda would send to
 * CloudWatch Logs.
 */
public final class LocalApiProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private LocalApiProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts it on a free port and waits until it says it is ready (skips when no moto can be had). */
    public static LocalApiProcess start(Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Drepo.root=" + Repository.root(),
                LocalApi.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DYNAMODB_ENDPOINT"); // the moto it starts itself
        builder.environment().put("PORT", "0");
        LocalApiProcess api = new LocalApiProcess(builder.start(), log);
        api.awaitLine("Ready on ");
        return api;
    }

    public Process process() {
        return process;
    }

    public List<String> output() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the output that starts with {@code prefix}, without it. */
    public Optional<String> after(String prefix) {
        return output().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
    }

    /** Where it listens, as its "Ready on http://127.0.0.1:port in ..." line says. */
    public URI uri() {
        return URI.create(after("Ready on ").orElseThrow().split(" ")[0]);
    }

    private void awaitLine(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (after(prefix).isPresent()) {
                return;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        List<String> output = output();
        assumeFalse(output.stream().anyMatch(l -> l.contains("No DynamoDB endpoint is available")),
                "no moto on this machine: " + output);
        throw new AssertionError("the local API did not start: " + output);
    }

    /** Stops it as Ctrl-C would and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
