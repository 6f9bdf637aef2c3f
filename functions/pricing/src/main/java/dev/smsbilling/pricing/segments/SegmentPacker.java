package dev.smsbilling.pricing.segments;

/**
 * Fills 140-octet SMS parts with encoded characters in order, the way Twilio's calculator does:
 * a character that does not fit moves whole to a new part. Sizes are in bits because GSM-7
 * characters are 7 bits wide and the part header is counted in octets.
 *
 * <p>Only once a second part is needed does the first get its 6-octet concatenation header;
 * the characters it then no longer holds move, in order, to the front of the second part
 * (which takes them and the character that overflowed without a further check, as the
 * calculator does).
 */
final class SegmentPacker {

    static final int GSM_CHARACTER_BITS = 7;
    static final int UCS_2_UNIT_BITS = 16;

    private static final int PART_BITS = 140 * 8;
    private static final int HEADER_BITS = 6 * 8;
    /** 67: the UTF-16 units a part of a split message holds beside its header. */
    static final int UCS_2_UNITS_PER_CONCATENATED_PART = (PART_BITS - HEADER_BITS) / UCS_2_UNIT_BITS;
    /** The most characters a part can hold: 160 one-septet GSM characters. */
    private static final int MAX_CHARACTERS_PER_PART = PART_BITS / GSM_CHARACTER_BITS;

    private final int[] firstPartSizes = new int[MAX_CHARACTERS_PER_PART];
    private int firstPartCount;
    private int parts = 1;
    private int usedBits;

    void add(int bits) {
        if (PART_BITS - usedBits < bits) {
            int carried = parts == 1 ? makeRoomForHeaderInFirstPart() : 0;
            parts++;
            usedBits = HEADER_BITS + carried;
        }
        usedBits += bits;
        if (parts == 1) {
            firstPartSizes[firstPartCount++] = bits;
        }
    }

    int parts() {
        return parts;
    }

    /** Bits of the characters that leave the first part to make room for its header. */
    private int makeRoomForHeaderInFirstPart() {
        int firstPartBits = usedBits + HEADER_BITS;
        int carried = 0;
        while (firstPartBits > PART_BITS) {
            int size = firstPartSizes[--firstPartCount];
            firstPartBits -= size;
            carried += size;
        }
        return carried;
    }
}
