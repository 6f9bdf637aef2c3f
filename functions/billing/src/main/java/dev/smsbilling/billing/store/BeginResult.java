package dev.smsbilling.billing.store;

import java.util.Objects;

/** How taking hold of an Idempotency-Key ended: held now, or already known. */
public sealed interface BeginResult permits BeginResult.Started, KeySeenBefore {

    /**
     * This invocation now holds the key until it completes (credit) or releases it (a 4xx).
     *
     * @param key the client's Idempotency-Key
     * @param holder this attempt's hold, which {@link BillingStore#startCharge} names
     * @param chargeKey the charge this hold makes: the one of an abandoned hold it took over (that
     *     charge may exist), or a new one; the processor's idempotency key is derived from it
     * @param chargeMayExist the hold was taken over from an attempt that died after it may have sent
     *     its charge, so the charge must be found again (and credited) whatever has changed since
     */
    record Started(String key, String holder, String chargeKey, boolean chargeMayExist) implements BeginResult {
        /**
         * The charge of a hold taken before holds named their charge: the processor key of such a
         * hold is the one that version derived (account, key and request only), so a retry finds it.
         */
        public static final String LEGACY_CHARGE = "legacy";

        public Started {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(chargeKey, "chargeKey");
        }
    }
}
