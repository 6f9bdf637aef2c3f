package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProxyResponseTest {

    private static GatewayResponse parse(String output) throws InvocationFailed {
        return ProxyResponse.parse("F", output.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVersionTwoResponseGivesStatusHeadersCookiesAndBody() throws Exception {
        GatewayResponse response = parse("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\",\"X-N\":3},"
                + "\"cookies\":[\"a=1\",\"b=2\"],\"body\":\"{\\\"ok\\\":true}\",\"isBase64Encoded\":false}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsEntry("X-N", java.util.List.of("3"))
                .containsEntry("Set-Cookie", java.util.List.of("a=1", "b=2"));
        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void aBase64BodyIsDecoded() throws Exception {
        assertThat(parse("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}").bodyText()).isEqualTo("hi");
    }

    @Test
    void jsonWithoutStatusCodeIsA200WithItselfAsTheBody() throws Exception {
        GatewayResponse response = parse("{\"due\":1}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"due\":1}");
    }

    @Test
    void garbageNothingAndImpossibleStatusesAreFailures() {
        for (String output : new String[] {"", "not json", "{\"statusCode\":200}x", "{\"statusCode\":99}",
                "{\"statusCode\":\"two hundred\"}", "{\"statusCode\":200,\"body\":{\"a\":1}}",
                "{\"statusCode\":200,\"body\":\"%%\",\"isBase64Encoded\":true}"}) {
            assertThatThrownBy(() -> parse(output)).as(output).isInstanceOf(InvocationFailed.class);
        }
    }
}
