package dev.smsbilling.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.testing.Snapshots;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class AuthorizerPrimingTest {

    @Test
    void primingSignsALookupWithoutSendingIt() throws IOException {
        // Nothing listens on the endpoint: priming that tried to send would fail and say so.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty("TABLE_NAME", "priming-test");
        System.setProperty("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + closedPort);
        try {
            new AuthorizerHandler();
        } finally {
            System.clearProperty("TABLE_NAME");
            System.clearProperty("DYNAMODB_ENDPOINT");
        }

        assertThat(Snapshots.primeAndCaptureErrors()).doesNotContain("priming");
    }
}
