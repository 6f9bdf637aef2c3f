package dev.smsbilling.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void aSegmentCostsTheBasePlusTheDestinationRate() {
        assertThat(Money.perSegment(0)).isEqualTo(10_000);
        assertThat(Money.perSegment(40_000)).isEqualTo(50_000);
        assertThat(Money.cost(2, 50_000)).isEqualTo(100_000);
    }

    @Test
    void overflowIsAnErrorNotAWrappedPrice() {
        assertThatThrownBy(() -> Money.perSegment(Long.MAX_VALUE)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.cost(2, Long.MAX_VALUE / 2 + 1)).isInstanceOf(ArithmeticException.class);
    }
}
