package dev.smsbilling.billing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Settings;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The Stripe key as a deployed function reads it: {@code PAYMENT_SECRET_NAME} through the SDK's
 * Secrets Manager client, against a real Secrets Manager endpoint (the tests' emulator serves
 * one beside DynamoDB).
 */
@RealDynamoDb
class StripeSecretTest {
    private static final String KEY = "sk_test_fromSecretsManagerNotARealKey";
    private final String endpoint;
    private final SecretsManagerClient admin;
    private final String name = "sms-billing/stripe-" + UUID.randomUUID();

    StripeSecretTest(TestTable table) {
        this.endpoint = table.endpoint().uri().toString();
        this.admin = SecretsManagerClient.builder()
                .endpointOverride(table.endpoint().uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    @AfterEach
    void deleteTheSecret() {
        try {
            admin.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
        } catch (ResourceNotFoundException alreadyGone) {
            // the test never created it
        }
        admin.close();
    }

    @Test
    void aPlainSecretIsTheKey() {
        admin.createSecret(b -> b.name(name).secretString(KEY + "\n"));

        assertThat(secret().get()).isEqualTo(KEY);
    }

    @Test
    void aKeyValueSecretHoldsTheKeyInSecretKey() {
        admin.createSecret(b -> b.name(name).secretString("{\"secretKey\": \"" + KEY + "\", \"note\": \"live since May\"}"));

        assertThat(secret().get()).isEqualTo(KEY);
    }

    @Test
    void aSecretThatDoesNotExistYetIsReadOnceItDoes() {
        Supplier<String> secret = secret();

        assertThatThrownBy(secret::get).isInstanceOf(ResourceNotFoundException.class);
        admin.createSecret(b -> b.name(name).secretString(KEY));
        assertThat(secret.get()).isEqualTo(KEY);
    }

    @Test
    void aKeyValueSecretWithoutTheFieldSaysWhatIsMissingWithoutQuotingIt() {
        admin.createSecret(b -> b.name(name).secretString("{\"apiKey\": \"" + KEY + "\"}"));

        assertThatThrownBy(secret()::get).hasMessageContaining("without a \"secretKey\" string").hasMessageNotContaining(KEY);
    }

    private Supplier<String> secret() {
        return StripeSecret.fromSettings(new Settings(Map.of("PAYMENT_SECRET_NAME", name,
                "SECRETS_MANAGER_ENDPOINT", endpoint)::get, n -> null));
    }
}
