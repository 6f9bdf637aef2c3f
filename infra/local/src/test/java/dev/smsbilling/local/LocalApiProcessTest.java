package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        LocalApiProcess api = LocalApiProcess.start(logs.resolve("local-api.log"));
        List<ProcessHandle> children = api.process().descendants().toList();
        assertThat(children).as("moto runs as a child of the local API").isNotEmpty();

        api.process().destroy();

        assertThat(api.process().waitFor(20, TimeUnit.SECONDS)).as("the local API exits").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        }
        assertThat(api.output()).contains("local API stopped");
    }
}
