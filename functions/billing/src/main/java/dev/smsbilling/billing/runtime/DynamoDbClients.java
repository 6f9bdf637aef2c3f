package dev.smsbilling.billing.runtime;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the one DynamoDB client of a function instance. Everything the SDK would otherwise
 * discover at start-up is given: the small url-connection HTTP client, the region, and in
 * Lambda the credentials from the environment (the default chain probes profiles and
 * metadata endpoints first, which costs a cold start time for nothing).
 */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(Settings settings) {
        Optional<URI> endpoint = settings.optional("DYNAMODB_ENDPOINT").map(URI::create);
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.optional("AWS_REGION").orElse("us-east-1")))
                .credentialsProvider(credentials(settings, endpoint));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Settings settings, Optional<URI> endpoint) {
        boolean emulator = endpoint.map(uri -> "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())).orElse(false);
        if (emulator && settings.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
