package dev.smsbilling.billing.store;

import java.util.Arrays;

/** How an account's auto-charge has been going; the scheduled run moves it, a settings change resets it. */
public enum AutoChargeStatus {
    OK("ok"),
    FAILING("failing"),
    DISABLED_AFTER_FAILURES("disabled_after_failures"),
    /**
     * The card's bank asked its holder to authenticate an auto-charge: not retried, since no run
     * can; a top-up by hand (the holder is there) or new settings bring it back to ok.
     */
    ACTION_REQUIRED("action_required");

    private final String wireValue;

    AutoChargeStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static AutoChargeStatus fromWireValue(String value) {
        return Arrays.stream(values()).filter(s -> s.wireValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown auto-charge status: " + value));
    }
}
