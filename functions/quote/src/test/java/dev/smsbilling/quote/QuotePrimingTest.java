package dev.smsbilling.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class QuotePrimingTest {

    @Test
    void theDeployedHandlerPrimesAQuoteAndTheRatesBeforeASnapshot() {
        new QuoteHandler();

        assertThat(Snapshots.primeAndCaptureErrors()).doesNotContain("priming");
    }
}
