package dev.smsbilling.endpoint;

import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB server to talk to, and where it came from (said in the logs so that a reader of a
 * test run knows which database the money tests ran against).
 */
public record DynamoDbEndpoint(URI uri, String origin) {

    /** A client for this endpoint. Emulators accept any credentials; real AWS uses the default chain. */
    public DynamoDbClient client() {
        return client(override -> { });
    }

    /** As {@link #client()}, with the SDK's behaviour changed by {@code override} (retries, interceptors). */
    public DynamoDbClient client(Consumer<ClientOverrideConfiguration.Builder> override) {
        var builder = DynamoDbClient.builder()
                .endpointOverride(uri)
                .overrideConfiguration(override)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")));
        if (!uri.getHost().endsWith("amazonaws.com")) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return uri + " (" + origin + ")";
    }
}
