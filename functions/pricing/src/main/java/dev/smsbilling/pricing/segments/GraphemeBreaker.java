package dev.smsbilling.pricing.segments;

import static dev.smsbilling.pricing.segments.BreakProperty.CR;
import static dev.smsbilling.pricing.segments.BreakProperty.E_BASE_GAZ;
import static dev.smsbilling.pricing.segments.BreakProperty.E_MODIFIER;
import static dev.smsbilling.pricing.segments.BreakProperty.EXTEND;
import static dev.smsbilling.pricing.segments.BreakProperty.GLUE_AFTER_ZWJ;
import static dev.smsbilling.pricing.segments.BreakProperty.L;
import static dev.smsbilling.pricing.segments.BreakProperty.LF;
import static dev.smsbilling.pricing.segments.BreakProperty.LV;
import static dev.smsbilling.pricing.segments.BreakProperty.LVT;
import static dev.smsbilling.pricing.segments.BreakProperty.OTHER;
import static dev.smsbilling.pricing.segments.BreakProperty.PREPEND;
import static dev.smsbilling.pricing.segments.BreakProperty.REGIONAL_INDICATOR;
import static dev.smsbilling.pricing.segments.BreakProperty.SPACING_MARK;
import static dev.smsbilling.pricing.segments.BreakProperty.T;
import static dev.smsbilling.pricing.segments.BreakProperty.V;
import static dev.smsbilling.pricing.segments.BreakProperty.ZWJ;

/**
 * Decides, code point by code point, where grapheme clusters end — the way the grapheme-splitter
 * package under Twilio's calculator does, quirks included, because the calculator's segment
 * count is the reference. That splitter re-reads the whole cluster so far on every step; the
 * few facts it looks at are kept here as counters, so a step costs the same however long the
 * cluster is.
 *
 * <p>Its quirks, kept on purpose: after a regional indicator that joined the cluster, only one
 * combining mark (or spacing mark, or ZWJ) more joins; an emoji modifier joins its base across
 * one combining mark but not two, and not at all after a combining mark earlier in a ZWJ
 * sequence.
 */
final class GraphemeBreaker {

    private BreakProperty first;
    private BreakProperty previous;
    /** The property before {@code previous} inside the cluster; null when {@code previous} is the first. */
    private BreakProperty beforePrevious;
    /** Code points after the first one. */
    private int tailLength;
    private boolean tailAllExtend;
    private int tailRegionalIndicators;
    private int tailLeadingRegionalIndicators;
    private boolean anyExtend;

    /** Starts the first cluster with the text's first code point. */
    void begin(BreakProperty property) {
        first = property;
        previous = property;
        beforePrevious = null;
        tailLength = 0;
        tailAllExtend = true;
        tailRegionalIndicators = 0;
        tailLeadingRegionalIndicators = 0;
        anyExtend = property == EXTEND;
    }

    /** True when a new cluster starts at the next code point, which then begins that cluster. */
    boolean breaksBefore(BreakProperty next) {
        // Letters of most scripts: no rule joins two of them, whatever came before.
        if (previous == OTHER && next == OTHER) {
            begin(next);
            return true;
        }
        if (isBoundaryBefore(next)) {
            begin(next);
            return true;
        }
        append(next);
        return false;
    }

    private void append(BreakProperty next) {
        beforePrevious = previous;
        previous = next;
        tailLength++;
        tailAllExtend &= next == EXTEND;
        if (next == REGIONAL_INDICATOR) {
            if (tailLeadingRegionalIndicators == tailLength - 1) {
                tailLeadingRegionalIndicators++;
            }
            tailRegionalIndicators++;
        }
        anyExtend |= next == EXTEND;
    }

    // The rules in the splitter's order; each returns as soon as it applies.
    private boolean isBoundaryBefore(BreakProperty next) {
        // (The splitter first looks ahead for a modifier after marks that follow no emoji base;
        // GB10 below reaches the same answer, so that look-ahead is not repeated here.)
        // Its look-ahead for GB12/13: counts regional indicators from the cluster's start.
        if (next == REGIONAL_INDICATOR) {
            if (tailLength == 0 && first != PREPEND && first != REGIONAL_INDICATOR) {
                return true;
            }
        } else if (tailRegionalIndicators > 0 && tailRegionalIndicators == tailLeadingRegionalIndicators
                && previous != PREPEND && previous != REGIONAL_INDICATOR) {
            return true;
        }
        if (previous == CR && next == LF) {                                         // GB3
            return false;
        }
        if (previous.isControlLike() || next.isControlLike()) {                     // GB4, GB5
            return true;
        }
        if (previous == L && (next == L || next == V || next == LV || next == LVT)) { // GB6
            return false;
        }
        if ((previous == LV || previous == V) && (next == V || next == T)) {         // GB7
            return false;
        }
        if ((previous == LVT || previous == T) && next == T) {                       // GB8
            return false;
        }
        if (next == EXTEND || next == ZWJ || next == SPACING_MARK) {                 // GB9, GB9a
            return false;
        }
        if (previous == PREPEND) {                                                   // GB9b
            return false;
        }
        if (next == E_MODIFIER && modifierJoins()) {                                 // GB10
            return false;
        }
        if (previous == ZWJ && (next == GLUE_AFTER_ZWJ || next == E_BASE_GAZ)) {    // GB11
            return false;
        }
        if (tailRegionalIndicators > 0) {                                            // GB12, GB13
            return true;
        }
        return !(previous == REGIONAL_INDICATOR && next == REGIONAL_INDICATOR);
    }

    /**
     * The splitter's GB10 looks only at the code point before the cluster's last combining mark,
     * so a base followed by one mark still takes a modifier and a base followed by two does not.
     */
    private boolean modifierJoins() {
        if (!anyExtend) {
            return previous.isEmojiBase();
        }
        return previous == EXTEND && beforePrevious != null && beforePrevious.isEmojiBase();
    }
}
