package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the one DynamoDB client of a function instance ({@link SdkClients}). */
public final class DynamoDbClients {
    private DynamoDbClients() {
    }

    public static DynamoDbClient create(AwsAccess aws) {
        return SdkClients.build(DynamoDbClient.builder(), aws, aws.dynamoDbEndpoint());
    }
}
