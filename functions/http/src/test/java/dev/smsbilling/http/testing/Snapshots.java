package dev.smsbilling.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.testing.crac.Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Builds a function as Lambda would and takes a snapshot of it through org.crac, whose hooks then
 * run as they run before SnapStart's snapshot (see the {@code crac} package for how).
 */
public final class Snapshots {
    /** How Priming reports a failed step in the function's log, the line an operator sees. */
    private static final String FAILED_STEP = "priming ";

    private Snapshots() {
    }

    /**
     * What a snapshot ran: every hook registered in this JVM so far, and the log line of each
     * priming step that failed.
     */
    public record Taken(int steps, List<String> failures) {
    }

    /**
     * Takes a snapshot the way Lambda does, through {@code org.crac.Core.checkpointRestore()}. A
     * priming step never throws (a failure is logged and the snapshot taken anyway), so a hook
     * that throws fails the test: a real snapshot would have failed with it.
     */
    public static Taken take() {
        List<String> logged;
        try (ConsoleCapture stderr = ConsoleCapture.stderr()) {
            try {
                org.crac.Core.checkpointRestore();
            } catch (UnsupportedOperationException noImplementation) {
                throw new IllegalStateException("org.crac has no checkpoint here: run with -Dorg.crac.Core.Compat="
                        + Core.class.getPackageName() + " (set before org.crac.Core is loaded)", noImplementation);
            } catch (org.crac.CheckpointException | org.crac.RestoreException e) {
                throw new AssertionError("a hook threw, which would fail Lambda's snapshot", e);
            }
            logged = stderr.lines();
        }
        logged.forEach(System.err::println);
        return new Taken(Core.registered(), logged.stream().filter(line -> line.startsWith(FAILED_STEP)).toList());
    }

    /**
     * The function's DynamoDB endpoint is a port that counts the connections made to it and
     * answers none: priming that reached the database fails here, whatever its answer would have
     * been. Every step registered in this JVM runs, as in a snapshot, and none may connect.
     */
    public static Taken primeWithoutDatabase(Supplier<?> lambdaConstructor) {
        try (CountingPort database = new CountingPort()) {
            build(lambdaConstructor, database.uri(), "priming-test");
            Taken primed = take();
            assertThat(database.connections()).as("connections to the DynamoDB endpoint while priming").isZero();
            return primed;
        }
    }

    /** Builds the function as Lambda would and checks its priming: some steps, none failed, no database reached. */
    public static void assertPrimesWithoutDatabase(Supplier<?> lambdaConstructor) {
        Taken primed = primeWithoutDatabase(lambdaConstructor);
        assertThat(primed.steps()).as("priming steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }

    /**
     * The function as Lambda builds it against a real table, and as a snapshot of it is restored:
     * primed, with every step having succeeded. What it is asked next goes to the table.
     */
    public static <T> T primedAgainst(URI dynamoDb, String tableName, Supplier<T> lambdaConstructor) {
        T function = build(lambdaConstructor, dynamoDb, tableName);
        assertThat(take().failures()).isEmpty();
        return function;
    }

    private static <T> T build(Supplier<T> lambdaConstructor, URI dynamoDb, String tableName) {
        return buildWith(Map.of("TABLE_NAME", tableName, "DYNAMODB_ENDPOINT", dynamoDb.toString(),
                "PAYMENT_PROCESSOR", "sandbox"), lambdaConstructor);
    }

    /** Builds the function as Lambda would, with {@code settings} as its environment while its constructor runs. */
    public static <T> T buildWith(Map<String, String> settings, Supplier<T> lambdaConstructor) {
        settings.forEach(System::setProperty);
        try {
            return lambdaConstructor.get();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    /** A loopback port that accepts connections, counts them and closes them unanswered. */
    private static final class CountingPort implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        CountingPort() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        // the port was closed: done
                    }
                }
            }, "counting-port");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
