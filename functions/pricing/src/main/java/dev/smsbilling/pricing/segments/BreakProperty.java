package dev.smsbilling.pricing.segments;

/**
 * Grapheme cluster break property values of Unicode 10 (UAX #29), the version of the grapheme
 * splitter Twilio's calculator uses; names as in its data file.
 */
enum BreakProperty {
    CR, LF, CONTROL, EXTEND, REGIONAL_INDICATOR, SPACING_MARK, L, V, T, LV, LVT, OTHER, PREPEND,
    E_BASE, E_MODIFIER, ZWJ, GLUE_AFTER_ZWJ, E_BASE_GAZ;

    /** Reads the data file's spelling ("SpacingMark", "E_Base_GAZ", ...). */
    static BreakProperty named(String dataFileName) {
        String wanted = dataFileName.replace("_", "");
        for (BreakProperty property : values()) {
            if (property.name().replace("_", "").equalsIgnoreCase(wanted)) {
                return property;
            }
        }
        throw new IllegalArgumentException("unknown grapheme break property " + dataFileName);
    }

    boolean isControlLike() {
        return this == CONTROL || this == CR || this == LF;
    }

    boolean isEmojiBase() {
        return this == E_BASE || this == E_BASE_GAZ;
    }
}
