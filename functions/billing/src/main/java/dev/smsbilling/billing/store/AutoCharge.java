package dev.smsbilling.billing.store;

import java.util.Objects;
import java.util.Optional;

/**
 * An account's auto-charge: the customer's settings and how the scheduled top-ups have fared
 * ({@code consecutiveDeclines} is what turns {@code failing} into {@code disabled_after_failures}).
 */
public record AutoCharge(AutoChargeSettings settings, AutoChargeStatus status, Optional<String> lastError,
                         int consecutiveDeclines) {
    /** Declines in a row after which the scheduled run stops trying until the settings change. */
    public static final int MAX_CONSECUTIVE_DECLINES = 3;
    public static final AutoCharge DEFAULT = new AutoCharge(AutoChargeSettings.DEFAULT, AutoChargeStatus.OK, Optional.empty(), 0);

    public AutoCharge {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastError, "lastError");
        if (consecutiveDeclines < 0) {
            throw new IllegalArgumentException("consecutiveDeclines must not be negative");
        }
    }
}
