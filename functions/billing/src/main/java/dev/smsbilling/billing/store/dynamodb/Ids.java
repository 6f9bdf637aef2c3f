package dev.smsbilling.billing.store.dynamodb;

import java.util.UUID;

/**
 * Opaque client-visible ids with a type prefix. Drawn from UUID's SecureRandom on every call,
 * never held in a static, so a SnapStart snapshot cannot hand the same id to two instances.
 * Accounts are {@code BA} (billing account) because {@code AC} already means a message.
 */
final class Ids {
    private Ids() {
    }

    static String account() {
        return "BA" + randomHex();
    }

    static String ledgerEntry() {
        return "TX" + randomHex();
    }

    static String message() {
        return "AC" + randomHex();
    }

    /** Names one crossing of an auto-charge threshold; internal, never shown to a client. */
    static String crossing() {
        return "DU" + randomHex();
    }

    /** One attempt's hold of an Idempotency-Key; internal, never shown to a client. */
    static String holder() {
        return "HO" + randomHex();
    }

    /** The charge a hold makes, from which the processor's idempotency key is derived; internal. */
    static String holdCharge() {
        return "CH" + randomHex();
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
