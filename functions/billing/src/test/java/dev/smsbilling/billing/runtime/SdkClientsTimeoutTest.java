package dev.smsbilling.billing.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.smsbilling.aws.AwsAccess;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's DynamoDB client, built as the functions build it, against an endpoint whose answer
 * never comes in time: the call ends within its bound, so the function still has time to find out
 * what happened and answer, instead of waiting out the HTTP client's 30 s socket timeout, past its
 * own Lambda timeout.
 */
class SdkClientsTimeoutTest {
    @RegisterExtension
    static final WireMockExtension dynamo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void anAnswerThatHangsEndsTheCallWithinItsBound() {
        dynamo.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withFixedDelay(20_000)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
        URI endpoint = URI.create(dynamo.baseUrl());
        DynamoDbClient client = DynamoDbClients.create(new AwsAccess("us-east-1", Optional.of(endpoint), Optional.empty(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.getItem(b -> b.tableName("billing").key(Map.of())))
                .isInstanceOf(SdkClientException.class);

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("bounded by the call timeout, not the 20 s answer").isBetween(
                SdkClients.ATTEMPT_TIMEOUT.toMillis(), SdkClients.CALL_TIMEOUT.toMillis() + 1_500);
        client.close();
    }
}
