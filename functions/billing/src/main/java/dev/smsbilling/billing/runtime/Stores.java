package dev.smsbilling.billing.runtime;

import dev.smsbilling.billing.store.BillingStore;

/** The store of a function instance, built once from its settings. */
public final class Stores {
    private Stores() {
    }

    public static BillingStore fromSettings(Settings settings) {
        return Stores.fromSettings(settings);
    }
}
