package dev.smsbilling.billing.store;

import java.util.Arrays;

/** Whether an account may use the API. Stored and shown as the lower-case wire value. */
public enum Subscription {
    ACTIVE("active"),
    INACTIVE("inactive");

    private final String wireValue;

    Subscription(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    public static Subscription fromWireValue(String value) {
        return Arrays.stream(values()).filter(s -> s.wireValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown subscription status: " + value));
    }
}
