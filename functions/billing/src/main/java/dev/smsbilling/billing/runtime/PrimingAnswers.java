package dev.smsbilling.billing.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * DynamoDB's answers to priming's requests, as the wire's JSON so that the SDK unmarshals them as
 * it would DynamoDB's: the table {@link StorePriming} describes, one account and nothing else,
 * that accepts every write without keeping it.
 *
 * <p>Only requests whose path this decides are meant to be primed: a conditional write is
 * accepted whatever its condition, and one that asks for the item it wrote gets nothing back.
 */
final class PrimingAnswers {
    private static final String FUNDED_PK = "ACCOUNT#" + StorePriming.FUNDED_ACCOUNT;
    /** As the store writes an account item (store.dynamodb.AccountItems); a change there fails priming loudly. */
    private static final String FUNDED_ACCOUNT_ITEM = "{\"pk\":{\"S\":\"" + FUNDED_PK + "\"},"
            + "\"sk\":{\"S\":\"ACCOUNT\"},\"balanceMicros\":{\"N\":\"" + StorePriming.FUNDED_BALANCE_MICROS + "\"},\"seq\":{\"N\":\"1\"},"
            + "\"subscription\":{\"S\":\"active\"},\"createdAt\":{\"S\":\"2026-01-01T00:00:00.000Z\"}}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NOTHING = bytes("{}");
    private static final byte[] NO_ITEMS = bytes("{\"Count\":0,\"Items\":[],\"ScannedCount\":0}");

    private PrimingAnswers() {
    }

    /**
     * @param operation the part of {@code X-Amz-Target} after the API version: GetItem, Query, …
     * @param request   the request's JSON body
     */
    static byte[] dynamoDb(String operation, byte[] request) {
        return switch (operation) {
            case "GetItem" -> bytes(found(parse(request).path("Key")));
            case "TransactGetItems" -> {
                // One response per item asked for, in order.
                StringJoiner responses = new StringJoiner(",", "{\"Responses\":[", "]}");
                for (JsonNode item : parse(request).path("TransactItems")) {
                    responses.add(found(item.path("Get").path("Key")));
                }
                yield bytes(responses.toString());
            }
            case "Query", "Scan" -> NO_ITEMS;
            default -> NOTHING;
        };
    }

    private static String found(JsonNode key) {
        boolean funded = FUNDED_PK.equals(key.path("pk").path("S").asText())
                && "ACCOUNT".equals(key.path("sk").path("S").asText());
        return funded ? "{\"Item\":" + FUNDED_ACCOUNT_ITEM + "}" : "{}";
    }

    private static JsonNode parse(byte[] request) {
        try {
            return JSON.readTree(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
