package dev.smsbilling.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void aPaymentMethodShowsItsTypeAndLastFourOnly() {
        assertThat(LogSafe.paymentMethod("pm_1QaBcDeFgHiJkLmNoPqRsTuV")).isEqualTo("pm_…sTuV");
        assertThat(LogSafe.paymentMethod("pm_card_visa")).isEqualTo("pm_…visa");
    }

    @Test
    void aShortIdShowsNothingOfItsEnd() {
        assertThat(LogSafe.paymentMethod("pm_12345")).isEqualTo("pm_…");
        assertThat(LogSafe.paymentMethod("tok")).isEqualTo("…");
        assertThat(LogSafe.paymentMethod(null)).isEqualTo("-");
    }
}
