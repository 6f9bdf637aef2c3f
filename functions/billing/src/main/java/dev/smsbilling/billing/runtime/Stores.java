package dev.smsbilling.billing.runtime;

import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.http.Settings;
import java.time.Clock;

/** The store of a function instance, built once from its settings. */
public final class Stores {
    private Stores() {
    }

    public static BillingStore fromSettings(Settings settings) {
        return new BillingStore(DynamoDbClients.create(settings), settings.tableName(), Clock.systemUTC());
    }
}
