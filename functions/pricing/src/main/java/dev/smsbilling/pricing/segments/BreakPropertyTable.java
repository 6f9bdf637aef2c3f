package dev.smsbilling.pricing.segments;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grapheme break property of every code point, exactly as Twilio's calculator's splitter
 * assigns it (its table is Unicode 10; Java's own data is newer and would split differently).
 * The basic multilingual plane is a direct lookup; the rarer supplementary code points are a
 * binary search over ranges.
 */
final class BreakPropertyTable {

    private static final BreakProperty[] PROPERTIES = BreakProperty.values();
    private static final int PLANE_SIZE = 0x10000;

    private static final byte[] BMP = new byte[PLANE_SIZE];
    private static final int[] SUPPLEMENTARY_STARTS;
    private static final int[] SUPPLEMENTARY_ENDS;
    private static final byte[] SUPPLEMENTARY_PROPERTIES;

    static {
        Arrays.fill(BMP, (byte) BreakProperty.OTHER.ordinal());
        List<String[]> rows = UnicodeDataFile.read("grapheme-break-property.txt");
        Map<String, BreakProperty> byName = new HashMap<>();
        int[] starts = new int[rows.size()];
        int[] ends = new int[rows.size()];
        byte[] properties = new byte[rows.size()];
        int supplementary = 0;
        for (String[] row : rows) {
            // "0000..0009 Control" or "000A LF"; read without regular expressions, which would
            // cost more start-up time than the rest of the table.
            String line = row[0];
            int space = line.indexOf(' ');
            int dots = line.lastIndexOf("..", space);
            int start = UnicodeDataFile.hex(line.substring(0, dots < 0 ? space : dots));
            int end = dots < 0 ? start : UnicodeDataFile.hex(line.substring(dots + 2, space));
            byte property = (byte) byName.computeIfAbsent(line.substring(space + 1).trim(), BreakProperty::named).ordinal();
            for (int codePoint = start; codePoint <= Math.min(end, PLANE_SIZE - 1); codePoint++) {
                BMP[codePoint] = property;
            }
            if (end >= PLANE_SIZE) {
                starts[supplementary] = Math.max(start, PLANE_SIZE);
                ends[supplementary] = end;
                properties[supplementary] = property;
                supplementary++;
            }
        }
        SUPPLEMENTARY_STARTS = Arrays.copyOf(starts, supplementary);
        SUPPLEMENTARY_ENDS = Arrays.copyOf(ends, supplementary);
        SUPPLEMENTARY_PROPERTIES = Arrays.copyOf(properties, supplementary);
    }

    private BreakPropertyTable() {
    }

    static BreakProperty of(int codePoint) {
        if (codePoint < PLANE_SIZE) {
            return PROPERTIES[BMP[codePoint]];
        }
        int index = Arrays.binarySearch(SUPPLEMENTARY_STARTS, codePoint);
        if (index < 0) {
            index = -index - 2;
        }
        if (index >= 0 && codePoint <= SUPPLEMENTARY_ENDS[index]) {
            return PROPERTIES[SUPPLEMENTARY_PROPERTIES[index]];
        }
        return BreakProperty.OTHER;
    }
}
