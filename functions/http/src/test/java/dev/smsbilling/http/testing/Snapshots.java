package dev.smsbilling.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Priming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Builds a function as Lambda would and fires its SnapStart priming hooks the way a snapshot does. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * The function's DynamoDB endpoint is a port that counts the connections made to it and
     * answers none: priming that reached the database fails here, whatever its answer would have
     * been. Every step registered in this JVM runs, as in a snapshot, and none may connect.
     */
    public static Priming.Simulation primeWithoutDatabase(Supplier<?> lambdaConstructor) {
        try (CountingPort database = new CountingPort()) {
            build(lambdaConstructor, database.uri(), "priming-test");
            Priming.Simulation primed = Priming.simulateSnapshot();
            assertThat(database.connections()).as("connections to the DynamoDB endpoint while priming").isZero();
            return primed;
        }
    }

    /** Builds the function as Lambda would and checks its priming: some steps, none failed, no database reached. */
    public static void assertPrimesWithoutDatabase(Supplier<?> lambdaConstructor) {
        Priming.Simulation primed = primeWithoutDatabase(lambdaConstructor);
        assertThat(primed.steps()).as("priming steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }

    /**
     * The function as Lambda builds it against a real table, and as a snapshot of it is restored:
     * primed, with every step having succeeded. What it is asked next goes to the table.
     */
    public static <T> T primedAgainst(URI dynamoDb, String tableName, Supplier<T> lambdaConstructor) {
        T function = build(lambdaConstructor, dynamoDb, tableName);
        assertThat(Priming.simulateSnapshot().failures()).isEmpty();
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
