package dev.smsbilling.billing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.auth.ApiKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A handler's no-argument constructor builds its store from settings alone: prove that store works. */
@RealDynamoDb
class StoresTest {

    @Test
    void theStoreBuiltFromSettingsReadsAndWritesTheConfiguredTable(TestTable table) {
        var settings = new Settings(name -> null, Map.of(
                "TABLE_NAME", table.name(),
                "DYNAMODB_ENDPOINT", table.endpoint().uri().toString())::get);

        var store = Stores.fromSettings(settings);
        var account = store.createAccount(Subscription.ACTIVE, ApiKeys.hash(ApiKeys.generate()));

        assertThat(store.readAccount(account.id())).get().extracting(a -> a.balanceMicros()).isEqualTo(0L);
    }
}
