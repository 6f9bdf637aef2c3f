package dev.smsbilling.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CentsTest {

    @Test
    void wholeCentsConvertExactlyBothWays() {
        long[] cents = {0, 1, 9, 10, 99, 100, 1_999, 2_500, 1_234_567, 999_999_999_999L, Long.MAX_VALUE / 10_000};
        for (long c : cents) {
            long micros = Cents.toMicros(c);
            assertThat(new BigDecimal(micros).movePointLeft(4)).isEqualByComparingTo(new BigDecimal(c));
            assertThat(Cents.fromMicros(micros)).isEqualTo(c);
        }
    }

    @Test
    void everyAmountUpToAHundredDollarsRoundTrips() {
        for (long c = 0; c <= 10_000; c++) {
            assertThat(Cents.fromMicros(c * 10_000)).isEqualTo(c);
        }
    }

    @Test
    void aFractionOfACentIsRefusedNotRounded() {
        for (long micros : new long[] {1, 5_000, 9_999, 10_001, 25_000_001, -1}) {
            assertThatThrownBy(() -> Cents.fromMicros(micros)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void centsBeyondWhatMicrosCanHoldOverflowLoudly() {
        assertThatThrownBy(() -> Cents.toMicros(Long.MAX_VALUE / 10_000 + 1)).isInstanceOf(ArithmeticException.class);
    }
}
