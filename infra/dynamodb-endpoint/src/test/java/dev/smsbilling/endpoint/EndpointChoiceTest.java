package dev.smsbilling.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointChoiceTest {

    @Test
    void aConfiguredEndpointWinsAndNothingIsStarted() {
        var endpoint = DynamoDbEndpoints.choose(Environment.of(Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:4566")), true);

        assertThat(endpoint.uri()).hasToString("http://127.0.0.1:4566");
        assertThat(endpoint.origin()).isEqualTo("DYNAMODB_ENDPOINT");
    }

    @Test
    void withoutAnyDatabaseTheUserGetsOneSentenceAndNoStackTrace() {
        var nowhere = Environment.of(Map.of("MOTO_PYTHON", "/nonexistent/python3"));

        assertThatThrownBy(() -> DynamoDbEndpoints.choose(nowhere, false))
                .isInstanceOf(NoDynamoDbAvailable.class)
                .hasMessageStartingWith("No DynamoDB endpoint is available: set DYNAMODB_ENDPOINT")
                .hasMessageContaining("pip install 'moto[server]'")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aMalformedEndpointIsReportedAsSuch() {
        var typo = Environment.of(Map.of("DYNAMODB_ENDPOINT", "localhost:8000"));

        assertThatThrownBy(() -> DynamoDbEndpoints.choose(typo, false))
                .isInstanceOf(NoDynamoDbAvailable.class)
                .hasMessageContaining("DYNAMODB_ENDPOINT=localhost:8000 is not a URL");
    }

    @Test
    void motoListensOnLoopbackAndIsGoneOnceClosed() throws IOException {
        MotoServer moto = MotoServer.start(Environment.system());
        int port = moto.uri().getPort();
        assertThat(moto.uri().getHost()).isEqualTo("127.0.0.1");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertThat(socket.isConnected()).isTrue();
        }
        assertThat(moto.isAlive()).isTrue();

        moto.close();

        assertThat(moto.isAlive()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }
}
