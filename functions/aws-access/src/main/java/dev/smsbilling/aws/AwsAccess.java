package dev.smsbilling.aws;

import dev.smsbilling.http.Settings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where a function reaches DynamoDB and as whom, decided from its settings once per instance.
 *
 * <p>Credentials are chosen, not discovered: the SDK's default chain probes system properties,
 * profile files and metadata endpoints first, which costs a cold start time for nothing. Lambda
 * gives a function its role's credentials in environment variables, except under SnapStart,
 * where they come from the container endpoint named by {@value #CONTAINER_CREDENTIALS} (so that
 * a snapshot never holds credentials); both are refreshed by the SDK's providers. A local
 * emulator without keys gets dummy ones.
 *
 * @param region            the AWS region, {@code AWS_REGION} (Lambda always sets it)
 * @param dynamoDbEndpoint  {@code DYNAMODB_ENDPOINT} when set (the local API, tests), else empty:
 *                          the region's public endpoint
 */
public record AwsAccess(String region, Optional<URI> dynamoDbEndpoint, AwsCredentialsProvider credentials) {
    static final String CONTAINER_CREDENTIALS = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static AwsAccess fromSettings(Settings settings) {
        Optional<URI> endpoint = settings.optional("DYNAMODB_ENDPOINT").map(URI::create);
        return new AwsAccess(settings.optional("AWS_REGION").orElse(DEFAULT_REGION), endpoint, credentials(settings, endpoint));
    }

    /** A DynamoDB emulator at {@code endpoint} (moto, LocalStack): dummy credentials, which emulators accept. */
    public static AwsAccess emulator(URI endpoint) {
        return new AwsAccess(DEFAULT_REGION, Optional.of(endpoint), EMULATOR_CREDENTIALS);
    }

    /** The endpoint to send DynamoDB requests to: the override, else the region's own. */
    public URI dynamoDbUri() {
        return dynamoDbEndpoint.orElseGet(() -> URI.create("https://dynamodb." + region + ".amazonaws.com"
                + (region.startsWith("cn-") ? ".cn" : "") + "/"));
    }

    private static AwsCredentialsProvider credentials(Settings settings, Optional<URI> endpoint) {
        boolean emulator = endpoint.map(uri -> "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())).orElse(false);
        if (emulator && settings.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
            return EMULATOR_CREDENTIALS;
        }
        if (settings.optional(CONTAINER_CREDENTIALS).isPresent() && settings.optional("AWS_ACCESS_KEY_ID").isEmpty()) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
