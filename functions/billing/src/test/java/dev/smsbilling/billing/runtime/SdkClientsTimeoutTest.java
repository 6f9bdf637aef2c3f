package dev.smsbilling.billing.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.smsbilling.aws.AwsAccess;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's DynamoDB client, built as the functions build it, against an endpoint whose first
 * answer hangs: the attempt is given up after its bound and the SDK's resend is answered, so the
 * call costs seconds, not the HTTP client's 30 s socket timeout (past the function's own Lambda
 * timeout, which would kill it before it could tell what happened).
 */
class SdkClientsTimeoutTest {
    @RegisterExtension
    static final WireMockExtension dynamo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void anAnswerThatHangsCostsOneAttemptsBoundAndTheResendIsAnswered() {
        dynamo.stubFor(post(urlEqualTo("/")).inScenario("hang").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer().withFixedDelay(20_000)).willSetStateTo("answering"));
        dynamo.stubFor(post(urlEqualTo("/")).inScenario("hang").whenScenarioStateIs("answering").willReturn(answer()));
        URI endpoint = URI.create(dynamo.baseUrl());
        DynamoDbClient client = DynamoDbClients.create(new AwsAccess("us-east-1", Optional.of(endpoint), Optional.empty(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
        long started = System.nanoTime();

        client.getItem(b -> b.tableName("billing").key(Map.of()));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("one attempt's bound, then the resend; not the 20 s answer")
                .isBetween(SdkClients.ATTEMPT_TIMEOUT.toMillis(), SdkClients.ATTEMPT_TIMEOUT.toMillis() + 3_000);
        dynamo.verify(2, anyRequestedFor(anyUrl()));
        client.close();
    }

    private static ResponseDefinitionBuilder answer() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}");
    }
}
