package dev.smsbilling.billing.payment.stripe;

/**
 * What of a payment method may appear in a log line: its type prefix and last four characters,
 * enough to tell two apart when reading an incident, not enough to charge one.
 */
final class LogSafe {
    private static final int SHOWN = 4;

    private LogSafe() {
    }

    static String paymentMethod(String id) {
        if (id == null) {
            return "-";
        }
        int prefixEnd = id.indexOf('_');
        String prefix = prefixEnd > 0 && prefixEnd <= 8 ? id.substring(0, prefixEnd + 1) : "";
        if (id.length() - prefix.length() <= SHOWN * 2) {
            return prefix + "…";
        }
        return prefix + "…" + id.substring(id.length() - SHOWN);
    }
}
