package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.smsbilling.endpoint.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LocalApi as a user runs it, in a JVM of its own with moto as its child: stopping it the way
 * Ctrl-C or a kill does (SIGINT and SIGTERM both run the JVM's shutdown hooks) leaves no process behind.
 */
class LocalApiProcessTest {

    @TempDir
    Path logs;

    @Test
    void terminatingTheLocalApiStopsTheServerAndTheMotoServerItStarted() throws Exception {
        Path log = logs.resolve("local-api.log");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Drepo.root=" + Repository.root(),
                LocalApi.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("DYNAMODB_ENDPOINT"); // this test is about the moto it starts itself
        builder.environment().put("PORT", "0");
        Process api = builder.start();
        awaitLine(log, api, "Ready on ");
        List<ProcessHandle> children = api.descendants().toList();
        assertThat(children).as("moto runs as a child of the local API").isNotEmpty();

        api.destroy();

        assertThat(api.waitFor(20, TimeUnit.SECONDS)).as("the local API exits").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        }
        assertThat(Files.readAllLines(log)).contains("local API stopped");
    }

    private static void awaitLine(Path log, Process api, String prefix) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && api.isAlive()) {
            if (Files.readAllLines(log).stream().anyMatch(l -> l.startsWith(prefix))) {
                return;
            }
            Thread.sleep(50);
        }
        api.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        List<String> output = Files.readAllLines(log);
        assumeFalse(output.stream().anyMatch(l -> l.contains("No DynamoDB endpoint is available")),
                "no moto on this machine: " + output);
        throw new AssertionError("the local API did not start: " + output);
    }
}
