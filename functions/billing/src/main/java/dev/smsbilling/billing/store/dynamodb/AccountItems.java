package dev.smsbilling.billing.store.dynamodb;

import static dev.smsbilling.billing.store.dynamodb.Values.n;
import static dev.smsbilling.billing.store.dynamodb.Values.s;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.Timestamps;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Account items. A new account is never due; the due mark and claim are read by {@link DueItems}. */
final class AccountItems {
    private AccountItems() {
    }

    static Map<String, AttributeValue> toItem(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.account(account.id()));
        item.put(Attributes.BALANCE, n(account.balanceMicros()));
        item.put(Attributes.SEQ, n(account.seq()));
        item.put(Attributes.SUBSCRIPTION, s(account.subscription().wireValue()));
        item.put(Attributes.CREATED_AT, s(Timestamps.format(account.createdAt())));
        return item;
    }

    static Account fromItem(Map<String, AttributeValue> item) {
        return new Account(
                Values.afterPrefix(item, Attributes.PK, Keys.ACCOUNT_PREFIX),
                Values.number(item, Attributes.BALANCE),
                Values.number(item, Attributes.SEQ),
                Subscription.fromWireValue(Values.string(item, Attributes.SUBSCRIPTION)),
                Timestamps.parse(Values.string(item, Attributes.CREATED_AT)),
                AutoChargeItems.fromItem(item),
                DueItems.fromItem(item),
                Values.optionalString(item, Attributes.PAYMENT_CUSTOMER));
    }

    static Map<String, AttributeValue> apiKeyItem(String apiKeyHash, String accountId, String createdAt) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.apiKey(apiKeyHash));
        item.put(Attributes.ACCOUNT_ID, s(accountId));
        item.put(Attributes.REVOKED, AttributeValue.fromBool(false));
        item.put(Attributes.CREATED_AT, s(createdAt));
        return item;
    }
}
