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
 * Where a function reaches AWS and as whom, decided from its settings once per instance.
 *
 * <p>Credentials are chosen, not discovered: the SDK's default chain probes system properties,
 * profile files and metadata endpoints first, which costs a cold start time for nothing. Lambda
 * gives a function its role's credentials in environment variables, except under SnapStart,
 * where they come from the container endpoint named by {@value #CONTAINER_CREDENTIALS} (so that
 * a snapshot never holds credentials); both are refreshed by the SDK's providers. An emulator
 * without keys gets dummy ones.
 *
 * <p>An endpoint override that is not an AWS host is an emulator (moto, LocalStack), wherever it
 * runs: on this machine, or on the host of the container {@code sam local} starts
 * ({@code http://host.docker.internal:4566}). Deployed, the overrides are empty.
 *
 * @param region                  the AWS region, {@code AWS_REGION} (Lambda always sets it)
 * @param dynamoDbEndpoint        {@code DYNAMODB_ENDPOINT} when set (the local API, tests,
 *                                {@code sam local}), else empty: the region's public endpoint
 * @param secretsManagerEndpoint  {@code SECRETS_MANAGER_ENDPOINT}, likewise
 */
public record AwsAccess(String region, Optional<URI> dynamoDbEndpoint, Optional<URI> secretsManagerEndpoint,
                        AwsCredentialsProvider credentials) {
    static final String CONTAINER_CREDENTIALS = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    private static final String SECRETS_MANAGER_ENDPOINT = "SECRETS_MANAGER_ENDPOINT";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static AwsAccess fromSettings(Settings settings) {
        Optional<URI> dynamoDb = endpoint(settings, DYNAMODB_ENDPOINT);
        Optional<URI> secretsManager = endpoint(settings, SECRETS_MANAGER_ENDPOINT);
        boolean emulated = isEmulator(dynamoDb) || isEmulator(secretsManager);
        return new AwsAccess(settings.optional("AWS_REGION").orElse(DEFAULT_REGION), dynamoDb, secretsManager,
                credentials(settings, emulated));
    }

    /** A DynamoDB emulator at {@code endpoint} (moto, LocalStack): dummy credentials, which emulators accept. */
    public static AwsAccess emulator(URI endpoint) {
        return new AwsAccess(DEFAULT_REGION, Optional.of(endpoint), Optional.empty(), EMULATOR_CREDENTIALS);
    }

    /** The endpoint to send DynamoDB requests to: the override, else the region's own. */
    public URI dynamoDbUri() {
        return dynamoDbEndpoint.orElseGet(() -> URI.create("https://dynamodb." + region + ".amazonaws.com"
                + (region.startsWith("cn-") ? ".cn" : "") + "/"));
    }

    /**
     * @throws IllegalArgumentException when the variable is not an http(s) URL with a host: a
     *     typo fails the function's start, not every request
     */
    private static Optional<URI> endpoint(Settings settings, String variable) {
        return settings.optional(variable).map(value -> {
            URI uri = URI.create(value);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(variable + " must be an http(s) URL such as http://127.0.0.1:4566, not: " + value);
            }
            return uri;
        });
    }

    private static boolean isEmulator(Optional<URI> endpoint) {
        return endpoint.map(uri -> !(uri.getHost().endsWith(".amazonaws.com") || uri.getHost().endsWith(".amazonaws.com.cn")))
                .orElse(false);
    }

    private static AwsCredentialsProvider credentials(Settings settings, boolean emulated) {
        boolean keysGiven = settings.optional("AWS_ACCESS_KEY_ID").isPresent();
        if (emulated && !keysGiven) {
            return EMULATOR_CREDENTIALS;
        }
        if (settings.optional(CONTAINER_CREDENTIALS).isPresent() && !keysGiven) {
            return ContainerCredentialsProvider.builder().build();
        }
        return EnvironmentVariableCredentialsProvider.create();
    }
}
