package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.local.fixtures.KeyAuthorizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The REQUEST event the authorizer gets; a server of its own, so no cached decision hides the call. */
class AuthorizerEventTest {

    @Test
    void theAuthorizerGetsAPayloadTwoRequestEventWithTheIdentityAndRoute() throws Exception {
        try (LocalServer server = LocalServer.start(TestTemplates.local(), HandlerFactory.byClassName(), 0, line -> { })) {
            var request = HttpRequest.newBuilder(URI.create(server.uri() + "/v1/echo/42?q=1"))
                    .header("Authorization", "good-key").header("Cookie", "a=1; b=2").GET().build();

            var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode event = KeyAuthorizer.lastEvent;
            assertThat(event.path("version").asText()).isEqualTo("2.0");
            assertThat(event.path("type").asText()).isEqualTo("REQUEST");
            assertThat(event.path("routeArn").asText())
                    .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:local/$default/GET/v1/echo/42");
            assertThat(event.path("identitySource").toString()).isEqualTo("[\"good-key\"]");
            assertThat(event.path("routeKey").asText()).isEqualTo("GET /v1/echo/{id}");
            assertThat(event.path("rawPath").asText()).isEqualTo("/v1/echo/42");
            assertThat(event.path("rawQueryString").asText()).isEqualTo("q=1");
            assertThat(event.path("headers").path("authorization").asText()).isEqualTo("good-key");
            assertThat(event.path("headers").has("cookie")).isFalse();
            assertThat(event.path("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
            assertThat(event.path("queryStringParameters").path("q").asText()).isEqualTo("1");
            assertThat(event.path("pathParameters").path("id").asText()).isEqualTo("42");
            assertThat(event.path("requestContext").path("http").path("method").asText()).isEqualTo("GET");
            assertThat(event.path("requestContext").has("authorizer")).isFalse();
        }
    }
}
