package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.http.Settings;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the one DynamoDB client of a function instance. Everything the SDK would otherwise
 * discover at start-up is given: the small url-connection HTTP client, the region and the
 * credentials provider ({@link AwsAccess}).
 */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(Settings settings) {
        AwsAccess aws = AwsAccess.fromSettings(settings);
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(aws.region()))
                .credentialsProvider(aws.credentials());
        aws.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
