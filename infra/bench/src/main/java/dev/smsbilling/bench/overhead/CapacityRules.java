package dev.smsbilling.bench.overhead;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's documented sizing and capacity rules, applied to the attribute maps the store
 * writes and reads ("Item sizes and formats", "Read/write capacity mode", "Transactions:
 * capacity management" in the DynamoDB developer guide).
 *
 * <ul>
 *   <li>an item is the sum of its attribute names (UTF-8 bytes) and values; a string is its UTF-8
 *       bytes, a number about one byte per two significant digits plus one, a boolean or null one
 *       byte, a list or map 3 bytes plus one per element plus its elements;</li>
 *   <li>a standard write is 1 WCU per started KB of the larger of the item before and after; a
 *       transactional write is 2;</li>
 *   <li>a strongly consistent read is 1 RCU per started 4 KB (eventually consistent 0.5, a
 *       transactional read 2), charged at least once per item even when it is absent; a Query
 *       adds up the sizes of the items it returns and rounds once.</li>
 * </ul>
 */
public final class CapacityRules {
    public static final int WRITE_UNIT_BYTES = 1024;
    public static final int READ_UNIT_BYTES = 4096;
    /** What DynamoDB adds to each index entry on top of its key attributes. */
    public static final int INDEX_ENTRY_OVERHEAD_BYTES = 100;

    private CapacityRules() {
    }

    public enum Read {
        EVENTUAL(0.5), STRONG(1), TRANSACTIONAL(2);

        final double unitsPerStep;

        Read(double unitsPerStep) {
            this.unitsPerStep = unitsPerStep;
        }
    }

    /** Bytes of an item as DynamoDB counts them; an absent item (null or empty) is 0. */
    public static long itemBytes(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long bytes = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return bytes;
    }

    static long valueBytes(AttributeValue value) {
        switch (value.type()) {
            case S:
                return utf8(value.s());
            case N:
                return numberBytes(value.n());
            case B:
                return value.b().asByteArrayUnsafe().length;
            case BOOL:
            case NUL:
                return 1;
            case SS:
                return value.ss().stream().mapToLong(CapacityRules::utf8).sum();
            case NS:
                return value.ns().stream().mapToLong(CapacityRules::numberBytes).sum();
            case BS:
                return value.bs().stream().map(SdkBytes::asByteArrayUnsafe).mapToLong(b -> b.length).sum();
            case L: {
                List<AttributeValue> list = value.l();
                return 3 + list.size() + list.stream().mapToLong(CapacityRules::valueBytes).sum();
            }
            case M: {
                Map<String, AttributeValue> map = value.m();
                return 3 + map.size() + itemBytes(map);
            }
            default:
                throw new IllegalArgumentException("unknown attribute value type: " + value);
        }
    }

    /** One byte per two significant digits, plus one (plus one more for a negative number). */
    static long numberBytes(String number) {
        String digits = new BigDecimal(number).unscaledValue().abs().toString();
        String trimmed = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
        long bytes = (trimmed.length() + 1) / 2 + 1;
        return number.trim().startsWith("-") ? bytes + 1 : bytes;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Write units of one write: the larger of the item before and after, per started KB, at least 1. */
    public static int writeUnits(long bytesBefore, long bytesAfter, boolean transactional) {
        long steps = Math.max(1, ceilDiv(Math.max(bytesBefore, bytesAfter), WRITE_UNIT_BYTES));
        return Math.toIntExact(steps * (transactional ? 2 : 1));
    }

    /** Read units of reading one item (absent: 0 bytes, still charged one step). */
    public static double readUnits(long itemBytes, Read read) {
        return Math.max(1, ceilDiv(itemBytes, READ_UNIT_BYTES)) * read.unitsPerStep;
    }

    /** Read units of a Query: the returned items' sizes added up, then rounded once. */
    public static double queryUnits(Collection<Long> itemBytes, Read read) {
        long total = itemBytes.stream().mapToLong(Long::longValue).sum();
        return readUnits(total, read);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
