package dev.smsbilling.billing.store;

import java.util.Arrays;

/** The kinds of ledger entry. Only a message charge takes money out; the others put it in. */
public enum EntryType {
    MESSAGE_CHARGE("message_charge", false),
    FUNDS_ADDED("funds_added", true),
    AUTO_CHARGE("auto_charge", true),
    REFUND("refund", true);

    private final String wireValue;
    private final boolean credit;

    EntryType(String wireValue, boolean credit) {
        this.wireValue = wireValue;
        this.credit = credit;
    }

    public String wireValue() {
        return wireValue;
    }

    public boolean isCredit() {
        return credit;
    }

    public static EntryType fromWireValue(String value) {
        return Arrays.stream(values()).filter(t -> t.wireValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ledger entry type: " + value));
    }
}
