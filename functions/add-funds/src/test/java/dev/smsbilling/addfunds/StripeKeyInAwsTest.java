package dev.smsbilling.addfunds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.auth.ApiKeys;
import dev.smsbilling.http.testing.FunctionCall;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Add-funds as deployed with {@code PaymentProcessor=stripe}: built by Lambda's no-argument
 * constructor from its settings, the key in the Secrets Manager secret that
 * {@code PAYMENT_SECRET_NAME} names (a real Secrets Manager endpoint), Stripe's API answered by
 * WireMock. The function starts whether or not the secret can be read, and a top-up it cannot
 * pay for is a 503 that changed nothing.
 */
@RealDynamoDb
class StripeKeyInAwsTest {
    private static final String KEY = "sk_test_inSecretsManagerNotARealKey";
    private static final String INTENT = "{\"id\": \"pi_3Qsecret000000N\", \"object\": \"payment_intent\", \"amount\": 2500,"
            + " \"currency\": \"usd\", \"status\": \"succeeded\", \"latest_charge\": \"ch_3Qsecret00000N\"}";

    @RegisterExtension
    static final WireMockExtension stripe = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final TestTable table;
    private final BillingStore store;
    private final SecretsManagerClient secrets;
    private final String secretName = "sms-billing/stripe-" + UUID.randomUUID();
    /** Stripe's ids are unique: each test's charges are its own, as a payment is credited once. */
    private final String testRun = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> settings;

    StripeKeyInAwsTest(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
        this.secrets = SecretsManagerClient.builder().endpointOverride(table.endpoint().uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        this.settings = Map.of("TABLE_NAME", table.name(),
                "DYNAMODB_ENDPOINT", table.endpoint().uri().toString(),
                "SECRETS_MANAGER_ENDPOINT", table.endpoint().uri().toString(),
                "PAYMENT_PROCESSOR", "stripe",
                "PAYMENT_SECRET_NAME", secretName,
                "STRIPE_API_BASE", stripe.baseUrl());
    }

    @BeforeEach
    void publishTheSettingsAndStripesAnswer() {
        settings.forEach(System::setProperty);
        // The account's customer, created with its first top-up (a Customer object as Stripe's reference shows it, trimmed).
        stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"cus_QkeyInAws00001\", \"object\": \"customer\", \"livemode\": false,"
                        + " \"metadata\": {}, \"created\": 1764201600}")));
        // Each top-up is its own PaymentIntent, as Stripe answers two idempotency keys.
        for (int n = 1; n <= 2; n++) {
            stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).inScenario("intents")
                    .whenScenarioStateIs(n == 1 ? Scenario.STARTED : "second").willSetStateTo(n == 1 ? "second" : "done")
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(INTENT.replace("N\"", n + testRun + "\""))));
        }
    }

    @AfterEach
    void clearTheSettings() {
        settings.keySet().forEach(System::clearProperty);
        secrets.close();
    }

    @Test
    void theFunctionStartsWithoutTheSecretAndATopUpIs503UntilTheSecretExists() {
        AddFundsHandler handler = new AddFundsHandler(); // as Lambda builds it: the secret does not exist yet
        String account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();

        FunctionCall.Response unpaid = topUp(account).invoke(handler);

        assertThat(unpaid.status()).isEqualTo(503);
        assertThat(unpaid.code()).isEqualTo("payment_unavailable");
        assertThat(unpaid.headers()).containsKey("Retry-After");
        assertThat(unpaid.body()).doesNotContain(secretName, "Exception");
        stripe.verify(0, anyRequestedFor(anyUrl()));
        assertThat(store.transactions(account, 10, Optional.empty()).entries()).isEmpty();
        assertThat(store.lookupIdempotency(account, "topup-secret-1")).as("nothing was charged, so the key is free").isEmpty();

        secrets.createSecret(b -> b.name(secretName).secretString("{\"secretKey\": \"" + KEY + "\"}"));
        FunctionCall.Response paid = topUp(account).invoke(handler);

        assertThat(paid.status()).isEqualTo(201);
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(store.readAccount(account).orElseThrow().balanceMicros()).isEqualTo(25_000_000);
    }

    @Test
    void theKeyIsReadOnceAndKeptForTheInstancesLife() {
        secrets.createSecret(b -> b.name(secretName).secretString(KEY));
        AddFundsHandler handler = new AddFundsHandler();
        String account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();
        assertThat(topUp(account).invoke(handler).status()).isEqualTo(201);

        secrets.putSecretValue(b -> b.secretId(secretName).secretString("sk_test_rotatedAfterTheFirstRead"));
        assertThat(topUp(account).header("Idempotency-Key", "topup-secret-2").invoke(handler).status()).isEqualTo(201);

        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    private static FunctionCall topUp(String account) {
        return FunctionCall.event("add-funds.json").account(account).header("Idempotency-Key", "topup-secret-1");
    }
}
