package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.auth.ApiKeys;
import org.junit.jupiter.api.Test;

@RealDynamoDb
class AccountsAndKeysTest {
    private final StoreFixture fixture;
    private final BillingStore store;

    AccountsAndKeysTest(TestTable table) {
        this.fixture = new StoreFixture(table);
        this.store = fixture.store;
    }

    @Test
    void aNewAccountStartsEmptyAndIsFoundByItsKey() {
        String apiKey = ApiKeys.generate();

        Account account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(apiKey));

        assertThat(account.id()).startsWith("BA");
        assertThat(store.readAccount(account.id())).contains(account);
        assertThat(account.balanceMicros()).isZero();
        assertThat(account.seq()).isZero();
        assertThat(store.accountForApiKeyHash(ApiKeys.hash(apiKey))).contains(account.id());
    }

    @Test
    void anUnknownKeyFindsNoAccount() {
        assertThat(store.accountForApiKeyHash(ApiKeys.hash(ApiKeys.generate()))).isEmpty();
        assertThat(store.readAccount("BA-missing")).isEmpty();
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        String apiKey = ApiKeys.generate();
        Account account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(apiKey));

        assertThat(store.revokeApiKey(ApiKeys.hash(apiKey))).isTrue();

        assertThat(store.accountForApiKeyHash(ApiKeys.hash(apiKey))).isEmpty();
        assertThat(store.readAccount(account.id())).isPresent();
        assertThat(store.revokeApiKey(ApiKeys.hash(ApiKeys.generate()))).as("unknown key").isFalse();
    }

    @Test
    void theSubscriptionCanBeSwitchedWithoutTouchingTheLedger() {
        String account = fixture.openAccount(1_000_000);

        assertThat(store.setSubscription(account, Subscription.INACTIVE)).isTrue();

        Account read = store.readAccount(account).orElseThrow();
        assertThat(read.subscription()).isEqualTo(Subscription.INACTIVE);
        assertThat(read.seq()).isEqualTo(1);
        assertThat(store.setSubscription("BA-missing", Subscription.ACTIVE)).isFalse();
        assertThat(store.readAccount("BA-missing")).as("no account conjured up").isEmpty();
    }
}
