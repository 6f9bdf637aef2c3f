package dev.smsbilling.billing.runtime;

import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.http.Settings;
import java.time.Clock;

/** The store of a function instance, built once from its settings. */
public final class Stores {
    private Stores() {
    }

    public static BillingStore fromSettings(Settings settings) {
        return fromSettings(settings, AwsAccess.fromSettings(settings));
    }

    /** @param aws shared with the function's other AWS clients, so an instance fetches its credentials once */
    public static BillingStore fromSettings(Settings settings, AwsAccess aws) {
        return new DynamoDbBillingStore(DynamoDbClients.create(aws), settings.tableName(), Clock.systemUTC());
    }
}
