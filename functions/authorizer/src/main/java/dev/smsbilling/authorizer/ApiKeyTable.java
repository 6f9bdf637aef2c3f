package dev.smsbilling.authorizer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.smsbilling.http.auth.ApiKeyItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Which account an API key belongs to: one consistent GetItem of the key's item in the billing
 * table (the item the store writes, {@link ApiKeyItem}), read in DynamoDB's JSON wire format.
 * Consistent, because a revoked key must stop working at once.
 */
final class ApiKeyTable {
    private static final JsonFactory JSON = new JsonFactory();

    private final SignedDynamoDb dynamoDb;
    private final String tableName;

    ApiKeyTable(SignedDynamoDb dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    /** The account of a live key; empty for an unknown or revoked one, or a damaged item (fail closed). */
    Optional<String> accountFor(String apiKeyHash) throws IOException {
        return accountIn(dynamoDb.call("GetItem", getItem(apiKeyHash)));
    }

    /** Builds and signs a lookup without sending it (SnapStart priming: no request, no credentials). */
    void prime(String apiKeyHash) throws IOException {
        dynamoDb.prime("GetItem", getItem(apiKeyHash));
        accountIn("{\"Item\": {\"accountId\": {\"S\": \"BA_priming\"}, \"revoked\": {\"BOOL\": false}}}"
                .getBytes(StandardCharsets.UTF_8));
    }

    private byte[] getItem(String apiKeyHash) throws IOException {
        var body = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(body, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("TableName", tableName);
            g.writeObjectFieldStart("Key");
            writeString(g, ApiKeyItem.PARTITION_KEY, ApiKeyItem.partitionKey(apiKeyHash));
            writeString(g, ApiKeyItem.SORT_KEY, ApiKeyItem.SORT_KEY_VALUE);
            g.writeEndObject();
            g.writeBooleanField("ConsistentRead", true);
            g.writeEndObject();
        }
        return body.toByteArray();
    }

    private static void writeString(JsonGenerator g, String attribute, String value) throws IOException {
        g.writeObjectFieldStart(attribute);
        g.writeStringField("S", value);
        g.writeEndObject();
    }

    /** Reads {"Item": {"accountId": {"S": …}, "revoked": {"BOOL": false}, …}}; no Item means no key. */
    static Optional<String> accountIn(byte[] response) throws IOException {
        try (JsonParser json = JSON.createParser(response)) {
            requireNext(json, JsonToken.START_OBJECT);
            String accountId = null;
            boolean live = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                if (!json.currentName().equals("Item")) {
                    json.nextToken();
                    json.skipChildren();
                    continue;
                }
                requireNext(json, JsonToken.START_OBJECT);
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String attribute = json.currentName();
                    requireNext(json, JsonToken.START_OBJECT);
                    while (json.nextToken() == JsonToken.FIELD_NAME) { // {"S": "…"}, {"BOOL": false}, …
                        String type = json.currentName();
                        JsonToken value = json.nextToken();
                        if (attribute.equals(ApiKeyItem.ACCOUNT_ID) && type.equals("S") && value == JsonToken.VALUE_STRING) {
                            accountId = json.getText();
                        } else if (attribute.equals(ApiKeyItem.REVOKED) && type.equals("BOOL")) {
                            live = value == JsonToken.VALUE_FALSE;
                        } else {
                            json.skipChildren();
                        }
                    }
                }
            }
            return live && accountId != null && !accountId.isBlank() ? Optional.of(accountId) : Optional.empty();
        }
    }

    private static void requireNext(JsonParser json, JsonToken expected) throws IOException {
        if (json.nextToken() != expected) {
            throw new IOException("DynamoDB's answer is not a GetItem response");
        }
    }
}
