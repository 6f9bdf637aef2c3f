package dev.smsbilling.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Priming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Supplier;

/** Builds a function as Lambda would and fires its SnapStart priming hooks the way a snapshot does. */
public final class Snapshots {
    private Snapshots() {
    }

    /**
     * The function's DynamoDB endpoint is a port nothing listens on: priming that reached the
     * database would fail, and its failure is in the answer.
     */
    public static Priming.Simulation primeWithoutDatabase(Supplier<?> lambdaConstructor) {
        Map<String, String> settings = Map.of("TABLE_NAME", "priming-test",
                "DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort(), "PAYMENT_PROCESSOR", "sandbox");
        settings.forEach(System::setProperty);
        try {
            lambdaConstructor.get();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        return Priming.simulateSnapshot();
    }

    /** Builds the function as Lambda would and checks its priming: some steps, none failed, no database reached. */
    public static void assertPrimesWithoutDatabase(Supplier<?> lambdaConstructor) {
        Priming.Simulation primed = primeWithoutDatabase(lambdaConstructor);
        assertThat(primed.steps()).as("priming steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
