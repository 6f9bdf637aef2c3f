package dev.smsbilling.system.fuzz;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.endpoint.TestTable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** What the table holds, read by the test straight from DynamoDB: the item count and some accounts. */
final class TableState {
    record Snapshot(long items, Map<String, Account> accounts) {
    }

    private final TestTable table;
    private final BillingStore store;

    TableState(TestTable table) {
        this.table = table;
        this.store = new DynamoDbBillingStore(table.client(), table.name(), Clock.systemUTC());
    }

    BillingStore store() {
        return store;
    }

    long itemCount() {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table.name()).select(Select.COUNT).consistentRead(true);
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse page = table.client().scan(scan.build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Every attribute value of every item, as text: what a leak of a secret into the table would show in. */
    List<Map<String, AttributeValue>> allItems() {
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        table.client().scanPaginator(b -> b.tableName(table.name()).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    Snapshot snapshot(List<String> accountIds) {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (String id : accountIds) {
            accounts.put(id, store.readAccount(id).orElseThrow(() -> new AssertionError("account " + id + " is gone")));
        }
        return new Snapshot(itemCount(), accounts);
    }
}
