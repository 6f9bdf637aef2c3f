package dev.smsbilling.bench.overhead;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Credit;
import dev.smsbilling.billing.store.Deadline;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.StoredResponse;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.endpoint.BillingTableDefinition;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.http.auth.ApiKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tables, clients and funded accounts of the runs. */
final class Fixture {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private Fixture() {
    }

    /** A fresh billing table, as template.yaml declares it. */
    static String table(DynamoDbClient admin, String purpose) {
        String name = "bench-" + purpose + "-" + System.currentTimeMillis() + "-" + TABLES.incrementAndGet();
        BillingTableDefinition.fromRepository().create(admin, name);
        return name;
    }

    static void drop(DynamoDbClient admin, String table) {
        admin.deleteTable(b -> b.tableName(table));
    }

    /** A client like {@link DynamoDbEndpoint#client()}, with an interceptor. */
    static DynamoDbClient client(DynamoDbEndpoint endpoint, ExecutionInterceptor interceptor) {
        var builder = DynamoDbClient.builder()
                .endpointOverride(endpoint.uri())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(interceptor));
        if (!endpoint.uri().getHost().endsWith("amazonaws.com")) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        return builder.build();
    }

    /** An active account with {@code micros} of credit. */
    static String account(BillingStore store, long micros) {
        String id = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate())).id();
        if (micros > 0) {
            store.credit(id, new Credit(EntryType.FUNDS_ADDED, micros, "bench-seed"), Optional.empty(),
                    entry -> new StoredResponse(201, "{}"), Deadline.within(Duration.ofSeconds(30)));
        }
        return id;
    }
}
