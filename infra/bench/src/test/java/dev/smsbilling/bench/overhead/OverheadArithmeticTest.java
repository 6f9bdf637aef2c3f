package dev.smsbilling.bench.overhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The pure parts of the overhead and capacity report: percentiles, item sizes, capacity units. */
class OverheadArithmeticTest {

    @Test
    void nearestRankPercentiles() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> (101 - i) * 1_000_000L).toArray());
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.millis(50)).isEqualTo(50.0);
        assertThat(p.millis(99)).isEqualTo(99.0);
        assertThat(p.millis(100)).isEqualTo(100.0);
        assertThat(p.millis(0.5)).isEqualTo(1.0);
        assertThat(p.meanMillis()).isEqualTo(50.5);
    }

    @Test
    void percentilesOfFewSamples() {
        Percentiles p = Percentiles.of(List.of(30L, 10L, 20L));
        assertThat(p.nanos(50)).isEqualTo(20);
        assertThat(p.nanos(99)).isEqualTo(30);
        assertThat(Percentiles.of(7L).nanos(1)).isEqualTo(7);
        assertThatThrownBy(() -> Percentiles.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.nanos(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemSizeCountsNamesAndValues() {
        Map<String, AttributeValue> item = Map.of(
                "pk", AttributeValue.fromS("ACCOUNT#BA1"),          // 2 + 11
                "sk", AttributeValue.fromS("ACCOUNT"),              // 2 + 7
                "balanceMicros", AttributeValue.fromN("10000000"),  // 13 + (1 digit → 1 + 1)
                "seq", AttributeValue.fromN("1234"),                // 3 + (4 digits → 2 + 1)
                "revoked", AttributeValue.fromBool(false),          // 7 + 1
                "city", AttributeValue.fromS("Zürich"));            // 4 + 7 (ü is two bytes)
        assertThat(CapacityRules.itemBytes(item)).isEqualTo(13 + 9 + 15 + 6 + 8 + 11);
        assertThat(CapacityRules.itemBytes(null)).isZero();
    }

    @Test
    void numbersAndDocuments() {
        assertThat(CapacityRules.numberBytes("0")).isEqualTo(1);
        assertThat(CapacityRules.numberBytes("12345")).isEqualTo(4);
        assertThat(CapacityRules.numberBytes("-10000")).isEqualTo(3);
        assertThat(CapacityRules.numberBytes("0.00120")).isEqualTo(2);
        AttributeValue list = AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromBool(true)));
        assertThat(CapacityRules.valueBytes(list)).isEqualTo(3 + 2 + 2 + 1);
        AttributeValue map = AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")));
        assertThat(CapacityRules.valueBytes(map)).isEqualTo(3 + 1 + 1 + 1);
    }

    @Test
    void writeUnitsPerStartedKilobyteOfTheLargerItem() {
        assertThat(CapacityRules.writeUnits(0, 358, false)).isEqualTo(1);
        assertThat(CapacityRules.writeUnits(0, 358, true)).isEqualTo(2);
        assertThat(CapacityRules.writeUnits(1024, 10, true)).isEqualTo(2);
        assertThat(CapacityRules.writeUnits(1025, 10, true)).isEqualTo(4);
        assertThat(CapacityRules.writeUnits(200, 2100, false)).isEqualTo(3);
        assertThat(CapacityRules.writeUnits(0, 0, false)).isEqualTo(1);
    }

    @Test
    void readUnitsPerStartedFourKilobytes() {
        assertThat(CapacityRules.readUnits(0, CapacityRules.Read.TRANSACTIONAL)).isEqualTo(2.0);
        assertThat(CapacityRules.readUnits(126, CapacityRules.Read.STRONG)).isEqualTo(1.0);
        assertThat(CapacityRules.readUnits(4097, CapacityRules.Read.STRONG)).isEqualTo(2.0);
        assertThat(CapacityRules.readUnits(100, CapacityRules.Read.EVENTUAL)).isEqualTo(0.5);
        // A Query rounds the sum once: 50 entries of 358 bytes are 17,900 bytes, 5 steps.
        assertThat(CapacityRules.queryUnits(java.util.Collections.nCopies(50, 358L), CapacityRules.Read.STRONG)).isEqualTo(5.0);
    }

    @Test
    void hotAccountBounds() {
        assertThat(HotAccount.writeBound(6)).isCloseTo(166.7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(HotAccount.readBound(4)).isEqualTo(750.0);
        assertThat(HotAccount.serialBound(10, 2)).isEqualTo(50.0);
        assertThat(HotAccount.serialBound(5, 1)).isEqualTo(200.0);
        assertThat(HotAccount.partitionsFor(1000, 6)).isEqualTo(6);
        assertThat(HotAccount.partitionsFor(1000, 6.5)).isEqualTo(7);
    }
}
