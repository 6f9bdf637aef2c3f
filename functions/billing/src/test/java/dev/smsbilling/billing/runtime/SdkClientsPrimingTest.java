package dev.smsbilling.billing.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.testing.Snapshots;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SDK clients as a SnapStart function builds them, its credentials from the container
 * endpoint as under SnapStart, and both the endpoint and DynamoDB played by one recording server:
 * priming runs the whole request path with no request to either, and afterwards the same client
 * sends its requests to the real endpoint, signed with the real credentials.
 */
class SdkClientsPrimingTest {
    private static final String CONTAINER_URI = "aws.containerCredentialsFullUri";
    private static final String REAL_KEY = "ASIAREALROLEKEY00001";

    @RegisterExtension
    static final WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @BeforeEach
    void lambdasContainerCredentialsEndpoint() {
        aws.stubFor(get(urlEqualTo("/credentials")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"AccessKeyId\": \"" + REAL_KEY + "\", \"SecretAccessKey\": \"real-secret\","
                        + " \"Token\": \"real-session\", \"Expiration\": \"2099-01-01T00:00:00Z\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("DynamoDB_20120810."))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
        System.setProperty(CONTAINER_URI, aws.baseUrl() + "/credentials");
    }

    @AfterEach
    void noContainer() {
        System.clearProperty(CONTAINER_URI);
    }

    private static AwsAccess underSnapStart() {
        URI endpoint = URI.create(aws.baseUrl());
        return new AwsAccess("us-east-1", Optional.of(endpoint), Optional.of(endpoint), ContainerCredentialsProvider.builder().build());
    }

    private static BillingStore store(AwsAccess access) {
        DynamoDbClient client = SdkClients.build(DynamoDbClient.builder(), access, access.dynamoDbEndpoint());
        return new DynamoDbBillingStore(client, "priming-test", Clock.systemUTC());
    }

    @Test
    void primingReadsAndWritesWithoutARequestOrCredentialsThenTheRealPathHasBoth() {
        BillingStore store = store(underSnapStart());
        List<Object> primed = new ArrayList<>();
        Priming.beforeSnapshot("store under test", () -> {
            primed.add(store.readAccount(StorePriming.FUNDED_ACCOUNT).orElseThrow().balanceMicros());
            primed.add(store.readAccount("BA_nobody").isPresent());
            StorePriming.credit(store, entry -> new StoredResponse(201, "{}"));
            primed.add("credited");
        });

        Snapshots.Taken snapshot = Snapshots.take();

        assertThat(snapshot.failures()).isEmpty();
        assertThat(primed).containsExactly(StorePriming.FUNDED_BALANCE_MICROS, false, "credited");
        aws.verify(0, anyRequestedFor(anyUrl()));

        assertThat(store.readAccount("BA_nobody")).isEmpty();
        aws.verify(1, getRequestedFor(urlEqualTo("/credentials")));
        aws.verify(1, postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.GetItem"))
                .withHeader("Authorization", containing("Credential=" + REAL_KEY + "/"))
                .withHeader("X-Amz-Security-Token", equalTo("real-session")));
    }

    @Test
    void theRealProviderIsNotAskedWhilePrimingWhateverItIs() {
        AtomicInteger asked = new AtomicInteger();
        AwsCredentialsProvider real = () -> {
            asked.incrementAndGet();
            return AwsBasicCredentials.create("AKIAREALKEY000000001", "real-secret");
        };
        URI endpoint = URI.create(aws.baseUrl());
        BillingStore store = store(new AwsAccess("us-east-1", Optional.of(endpoint), Optional.empty(), real));
        Priming.beforeSnapshot("store under test", () -> store.readAccount(StorePriming.FUNDED_ACCOUNT).orElseThrow());

        assertThat(Snapshots.take().failures()).isEmpty();
        assertThat(asked).hasValue(0);
        aws.verify(0, anyRequestedFor(anyUrl()));

        store.readAccount("BA_nobody");
        assertThat(asked).hasValue(1);
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("Authorization", containing("Credential=AKIAREALKEY000000001/")));
    }

    @Test
    void theStripeKeyIsNotReadWhilePriming() {
        SecretsManagerSecret secret = SecretsManagerSecret.of(underSnapStart(), "sms-billing/stripe");
        List<Throwable> refused = new ArrayList<>();
        Priming.beforeSnapshot("secret under test", () -> {
            try {
                secret.get();
            } catch (RuntimeException e) {
                refused.add(e);
            }
        });

        Snapshots.take();

        assertThat(refused).singleElement().satisfies(e -> assertThat(e).hasStackTraceContaining("priming answers DynamoDB only"));
        aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void whilePrimingARequestSignedWithOtherCredentialsIsRefusedNotSent() {
        // A client that got its credentials some other way than SdkClients: priming still sends nothing.
        DynamoDbClient client = signingWith("AKIAOTHERKEY00000001");
        List<Throwable> refused = new ArrayList<>();
        Priming.beforeSnapshot("client under test", () -> {
            try {
                client.getItem(b -> b.tableName("priming-test").key(Map.of()));
            } catch (RuntimeException e) {
                refused.add(e);
            }
        });

        Snapshots.take();

        assertThat(refused).singleElement().satisfies(e -> assertThat(e).hasStackTraceContaining("priming sends nothing"));
        aws.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestSignedWithThePrimingKeyIsAnsweredNotSentEvenOutsidePriming() {
        DynamoDbClient client = signingWith(PrimingCredentials.ACCESS_KEY_ID);

        assertThat(client.getItem(b -> b.tableName("priming-test").key(Map.of())).hasItem()).isFalse();
        aws.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A client on the priming HTTP client whose requests are signed with this access key id. */
    private DynamoDbClient signingWith(String accessKeyId) {
        return DynamoDbClient.builder()
                .httpClientBuilder(PrimingHttpClient.around(UrlConnectionHttpClient.builder()))
                .endpointOverride(URI.create(aws.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "s")))
                .build();
    }
}
