package dev.smsbilling.pricing.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects grapheme clusters of a text once each, in order of first appearance. Clusters are
 * looked up by position in the text, so a repeated one costs no new String.
 */
final class DistinctGraphemes {

    private static final int EMPTY = -1;

    private final CharSequence text;
    private final List<String> distinct = new ArrayList<>();
    /** Open addressing: index into {@code distinct}, or EMPTY. Allocated on the first cluster. */
    private int[] slots;

    DistinctGraphemes(CharSequence text) {
        this.text = text;
    }

    void add(int start, int end) {
        if (slots == null) {
            // A text has at most as many clusters as chars; half-full keeps probes short.
            slots = new int[Integer.highestOneBit(Math.max(2, text.length()) * 2) * 2];
            Arrays.fill(slots, EMPTY);
        }
        int mask = slots.length - 1;
        for (int slot = hash(start, end) & mask; ; slot = (slot + 1) & mask) {
            int index = slots[slot];
            if (index == EMPTY) {
                slots[slot] = distinct.size();
                distinct.add(text.subSequence(start, end).toString());
                return;
            }
            if (sameChars(distinct.get(index), start, end)) {
                return;
            }
        }
    }

    List<String> inOrderOfAppearance() {
        return distinct;
    }

    private int hash(int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash ^ (hash >>> 16);
    }

    private boolean sameChars(String known, int start, int end) {
        if (known.length() != end - start) {
            return false;
        }
        for (int i = 0; i < known.length(); i++) {
            if (known.charAt(i) != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }
}
