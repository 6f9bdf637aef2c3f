package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.payment.ProcessorKeys;

/**
 * The processor's idempotency key of an auto-charge attempt. It depends only on what stays fixed
 * while a charge may be in flight: the account, the crossing and the number of declines recorded
 * against it. A run that dies after charging leaves all three as they were, so the next run asks
 * with the same key and the processor answers with the same charge: one charge per crossing. A
 * recorded decline moves the attempt on, so the retry gets a fresh key (a processor replays a
 * declined key's decline forever).
 */
final class AutoChargeKeys {
    private AutoChargeKeys() {
    }

    static String derive(String accountId, String dueId, int attempt) {
        return ProcessorKeys.of("autocharge", accountId, dueId, Integer.toString(attempt));
    }
}
