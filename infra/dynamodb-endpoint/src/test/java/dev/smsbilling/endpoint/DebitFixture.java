package dev.smsbilling.endpoint;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The bare transactional debit these tests prove the endpoint with: the account's balance
 * falls by the cost only if it covers it, and a ledger item is put only if its key is new,
 * both or neither. (The product's store builds its own, richer transaction.)
 */
final class DebitFixture {
    private final DynamoDbClient client;
    private final String table;

    DebitFixture(TestTable table) {
        this.client = table.client();
        this.table = table.name();
    }

    void openAccount(String account, long balance) {
        client.putItem(b -> b.tableName(table).item(Map.of(
                "pk", s("ACCOUNT#" + account), "sk", s("ACCOUNT"), "balance", n(balance))));
    }

    /** Returns null when the transaction committed, else the cancellation reasons (account, ledger). */
    List<CancellationReason> debit(String account, String ledgerKey, long cost) {
        TransactWriteItem update = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of("pk", s("ACCOUNT#" + account), "sk", s("ACCOUNT")))
                .updateExpression("SET balance = balance - :cost")
                .conditionExpression("balance >= :cost")
                .expressionAttributeValues(Map.of(":cost", n(cost)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        TransactWriteItem ledger = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s("ACCOUNT#" + account), "sk", s("TX#" + ledgerKey), "amount", n(-cost)))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
        try {
            client.transactWriteItems(b -> b.transactItems(update, ledger));
            return null;
        } catch (TransactionCanceledException e) {
            return e.cancellationReasons();
        }
    }

    long balance(String account) {
        var item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", s("ACCOUNT#" + account), "sk", s("ACCOUNT")))).item();
        return Long.parseLong(item.get("balance").n());
    }

    int ledgerItems(String account) {
        return client.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :tx)")
                        .expressionAttributeValues(Map.of(":pk", s("ACCOUNT#" + account), ":tx", s("TX#"))))
                .stream().mapToInt(r -> r.count()).sum();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
