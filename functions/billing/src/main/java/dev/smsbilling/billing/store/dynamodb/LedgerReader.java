package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.TransactionPage;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads a statement page by page, newest first. The ledger is gapless, so the page that ends at
 * entry 1 is known to be the last one and never hands out a cursor to an empty page.
 */
final class LedgerReader {
    static final int MAX_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final ReadRequests reads;

    LedgerReader(DynamoDbClient dynamo, ReadRequests reads) {
        this.dynamo = dynamo;
        this.reads = reads;
    }

    TransactionPage page(String accountId, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        if (cursor.isEmpty()) {
            return pageOf(accountId, reads.newestLedgerEntries(accountId, limit));
        }
        long before = Cursors.decode(accountId, cursor.get());
        if (before <= 1) {
            return new TransactionPage(List.of(), Optional.empty());
        }
        return pageOf(accountId, reads.ledgerEntriesBefore(accountId, before, limit));
    }

    private TransactionPage pageOf(String accountId, QueryRequest query) {
        List<LedgerEntry> entries = dynamo.query(query).items().stream().map(LedgerItems::fromItem).toList();
        if (entries.isEmpty()) {
            return new TransactionPage(entries, Optional.empty());
        }
        long oldest = entries.get(entries.size() - 1).seq();
        return new TransactionPage(entries, oldest > 1 ? Optional.of(Cursors.encode(accountId, oldest)) : Optional.empty());
    }
}
