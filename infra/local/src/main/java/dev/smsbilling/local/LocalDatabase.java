package dev.smsbilling.local;

import dev.smsbilling.endpoint.BillingTableDefinition;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.endpoint.DynamoDbEndpoints;
import dev.smsbilling.endpoint.Environment;
import java.nio.file.Path;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The local API's DynamoDB: the endpoint (DYNAMODB_ENDPOINT, else a moto server of its own),
 * the billing table created from template.yaml, and the configuration the handlers read.
 */
final class LocalDatabase {
    static final String TABLE = "sms-billing-local";

    private final DynamoDbEndpoint endpoint;

    private LocalDatabase(DynamoDbEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Chooses the endpoint and makes sure the table exists; a table left by an earlier run on DYNAMODB_ENDPOINT is reused. */
    static LocalDatabase open(Environment env, Path template) {
        DynamoDbEndpoint endpoint = DynamoDbEndpoints.choose(env, false);
        try (DynamoDbClient client = endpoint.client()) {
            if (exists(client)) {
                System.out.println("[dynamodb] reusing table " + TABLE);
            } else {
                BillingTableDefinition.fromTemplate(template).create(client, TABLE);
                System.out.println("[dynamodb] created table " + TABLE + " from template.yaml");
            }
        }
        return new LocalDatabase(endpoint);
    }

    private static boolean exists(DynamoDbClient client) {
        try {
            client.describeTable(b -> b.tableName(TABLE));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Handlers read their configuration from environment variables first, then from system
     * properties of the same name; a JVM cannot set its own environment, so these are
     * properties, set before any handler is constructed.
     */
    void publishConfiguration(Environment env) {
        System.setProperty("TABLE_NAME", TABLE);
        System.setProperty("DYNAMODB_ENDPOINT", endpoint.uri().toString());
        System.setProperty("PAYMENT_PROCESSOR", "sandbox");
        System.setProperty("AWS_REGION", LocalContext.REGION);
        // The AWS SDK's own settings, for clients built with its defaults.
        System.setProperty("aws.region", LocalContext.REGION);
        boolean emulator = !endpoint.uri().getHost().endsWith("amazonaws.com");
        if (emulator && env.get("AWS_ACCESS_KEY_ID") == null && System.getProperty("aws.accessKeyId") == null) {
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
        }
        for (String name : new String[] {"TABLE_NAME", "DYNAMODB_ENDPOINT", "PAYMENT_PROCESSOR"}) {
            String shadow = env.get(name);
            if (shadow != null && !shadow.equals(System.getProperty(name))) {
                System.out.println("warning: the environment variable " + name + " is set and the handlers will read it "
                        + "instead of the local value; unset it for a local run");
            }
        }
    }
}
