package dev.smsbilling.endpoint;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh billing table of one test class, on the endpoint of {@link DynamoDbEndpoints#forTests()}. */
public record TestTable(DynamoDbClient client, String name, DynamoDbEndpoint endpoint) {
}
