package dev.smsbilling.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

/**
 * The billing table exactly as template.yaml declares it (resource {@value #RESOURCE}): the one
 * definition of keys, indexes and TTL, read here so that tests and the local API create the
 * same table that {@code sam deploy} does.
 */
public final class BillingTableDefinition {
    public static final String RESOURCE = "BillingTable";

    private final JsonNode properties;

    private BillingTableDefinition(JsonNode properties) {
        this.properties = properties;
    }

    public static BillingTableDefinition fromRepository() {
        return fromTemplate(Repository.template());
    }

    public static BillingTableDefinition fromTemplate(Path template) {
        try {
            // CloudFormation's short tags (!Ref, !GetAtt, !Sub) are read as their plain values.
            JsonNode root = new YAMLMapper().readTree(template.toFile());
            JsonNode properties = root.path("Resources").path(RESOURCE).path("Properties");
            if (properties.isMissingNode()) {
                throw new IllegalStateException(template + " has no Resources." + RESOURCE + ".Properties");
            }
            return new BillingTableDefinition(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    public CreateTableRequest createRequest(String tableName) {
        var request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.fromValue(properties.path("BillingMode").asText("PAY_PER_REQUEST")))
                .attributeDefinitions(attributes())
                .keySchema(keySchema(properties.path("KeySchema")));
        List<GlobalSecondaryIndex> indexes = globalIndexes();
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        return request.build();
    }

    /** The attribute DynamoDB expires items by, if the template enables TTL. */
    public Optional<String> timeToLiveAttribute() {
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        return ttl.path("Enabled").asBoolean(false) ? Optional.of(ttl.path("AttributeName").asText()) : Optional.empty();
    }

    public List<String> globalIndexNames() {
        List<String> names = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> names.add(index.path("IndexName").asText()));
        return names;
    }

    /** Creates the table, waits until it is active, and turns on TTL. */
    public void create(DynamoDbClient client, String tableName) {
        client.createTable(createRequest(tableName));
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        timeToLiveAttribute().ifPresent(attribute -> client.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true))));
    }

    private List<AttributeDefinition> attributes() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        properties.path("AttributeDefinitions").forEach(a -> attributes.add(AttributeDefinition.builder()
                .attributeName(a.path("AttributeName").asText())
                .attributeType(a.path("AttributeType").asText())
                .build()));
        return attributes;
    }

    private List<GlobalSecondaryIndex> globalIndexes() {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes").forEach(index -> {
            JsonNode projection = index.path("Projection");
            List<String> nonKey = new ArrayList<>();
            projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
            var builder = Projection.builder().projectionType(projection.path("ProjectionType").asText("ALL"));
            if (!nonKey.isEmpty()) {
                builder.nonKeyAttributes(nonKey);
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.path("IndexName").asText())
                    .keySchema(keySchema(index.path("KeySchema")))
                    .projection(builder.build())
                    .build());
        });
        return indexes;
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        List<KeySchemaElement> schema = new ArrayList<>();
        keys.forEach(k -> schema.add(KeySchemaElement.builder()
                .attributeName(k.path("AttributeName").asText())
                .keyType(k.path("KeyType").asText())
                .build()));
        return schema;
    }
}
