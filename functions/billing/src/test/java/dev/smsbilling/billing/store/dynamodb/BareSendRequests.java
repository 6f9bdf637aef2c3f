package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.EntryDetails;
import dev.smsbilling.billing.store.EntryType;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.LedgerEntry;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.StoredResponse;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The benchmark's baseline: the very DynamoDB requests a send makes, built by the store's own
 * request builders, for a caller that issues them with the SDK and nothing else (no pricing, no
 * parsing, no decision). It sits beside the store's tests, in billing's test jar, to reach those
 * package-private builders from the module that owns them: the benchmarks use it, and no
 * function's zip carries it.
 */
public final class BareSendRequests {
    private final ReadRequests reads;
    private final WriteRequests writes;

    public BareSendRequests(String tableName) {
        this.reads = new ReadRequests(tableName);
        this.writes = new WriteRequests(tableName);
    }

    /** The read of a send with a key: account and idempotency record, one snapshot. */
    public TransactGetItemsRequest read(String accountId, Idempotency idempotency) {
        return reads.accountAndIdempotency(accountId, idempotency);
    }

    /** The read of a send without a key. */
    public GetItemRequest read(String accountId) {
        return reads.account(accountId);
    }

    /**
     * The send's transaction on an account whose seq and balance are known: the account update with
     * the debit's conditions, the ledger entry (the message record) and, with a key, the completed
     * idempotency record holding {@code response}.
     */
    public TransactWriteItemsRequest write(String accountId, long readSeq, long balanceMicros, MessageCharge charge,
                                           Optional<Idempotency> idempotency, StoredResponse response, Instant now) {
        LedgerEntry entry = new LedgerEntry(Ids.ledgerEntry(), Math.addExact(readSeq, 1), EntryType.MESSAGE_CHARGE,
                -charge.costMicros(), Math.subtractExact(balanceMicros, charge.costMicros()), now,
                new EntryDetails.Message(Ids.message(), EntryDetails.Message.QUEUED, charge));
        return writes.balanceChange(accountId, readSeq, entry, idempotency, response, now);
    }
}
