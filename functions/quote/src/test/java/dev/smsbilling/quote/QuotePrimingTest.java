package dev.smsbilling.quote;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class QuotePrimingTest {

    @Test
    void theDeployedHandlerPrimesAQuoteAndTheRatesBeforeASnapshot() {
        Snapshots.assertPrimesWithoutDatabase(QuoteHandler::new);
    }
}
