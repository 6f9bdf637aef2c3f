package dev.smsbilling.billing.store.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads a sparse index page by page, in its order, up to a limit: the scheduled run's work lists. */
final class IndexPages {
    private static final int PAGE = 100;

    private IndexPages() {
    }

    /**
     * @param page the Query of one page: the last page's LastEvaluatedKey (null for the first) and how many to read
     * @param read what one index item stands for
     */
    static <T> List<T> read(DynamoDbClient dynamo, BiFunction<Map<String, AttributeValue>, Integer, QueryRequest> page,
                            Function<Map<String, AttributeValue>, T> read, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<T> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(page.apply(start, Math.min(PAGE, limit - found.size())));
            response.items().forEach(item -> found.add(read.apply(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }
}
