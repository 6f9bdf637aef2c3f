package dev.smsbilling.pricing.segments;

/** The character set a message travels in; decides how many characters fit in a segment. */
public enum Encoding {
    GSM_7("GSM-7"),
    UCS_2("UCS-2");

    private final String label;

    Encoding(String label) {
        this.label = label;
    }

    /** The name used on the wire and by carriers ("GSM-7", "UCS-2"). */
    public String label() {
        return label;
    }
}
