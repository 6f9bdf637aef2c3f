package dev.smsbilling.billing.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.aws.AwsAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A secret's value, read from AWS Secrets Manager each time it is asked for (the caller keeps
 * it). The value is the Stripe key itself, or a JSON object with the key in
 * {@value #JSON_FIELD} (what the console's "key/value" secret type stores).
 *
 * <p>Only the functions that charge cards carry the Secrets Manager client; the others never
 * load this class.
 */
final class SecretsManagerSecret implements Supplier<String> {
    static final String JSON_FIELD = "secretKey";
    /** Longer than a healthy call, short enough that an outage still ends in our 503. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;
    private final String secretId;

    private SecretsManagerSecret(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    /** Builds the client now (before a snapshot: nothing is read, no credentials are resolved). */
    static SecretsManagerSecret of(AwsAccess aws, String secretId) {
        SecretsManagerClient client = SdkClients.build(SecretsManagerClient.builder()
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT)), aws, aws.secretsManagerEndpoint());
        return new SecretsManagerSecret(client, secretId);
    }

    /** @throws RuntimeException (the SDK's) when the secret cannot be read, or holds no key */
    @Override
    public String get() {
        String value = client.getSecretValue(b -> b.secretId(secretId)).secretString();
        if (value == null) {
            throw new IllegalStateException("secret " + secretId + " has no string value (a binary secret cannot hold the key)");
        }
        String trimmed = value.strip();
        return trimmed.startsWith("{") ? field(trimmed) : trimmed;
    }

    private String field(String json) {
        try {
            JsonNode key = JSON.readTree(json).path(JSON_FIELD);
            if (!key.isTextual()) {
                throw new IllegalStateException("secret " + secretId + " is a JSON object without a \"" + JSON_FIELD + "\" string");
            }
            return key.asText();
        } catch (IOException e) {
            // Not chained: a parser's message quotes the secret's text.
            throw new UncheckedIOException(new IOException("secret " + secretId + " starts with { but is not JSON"));
        }
    }
}
