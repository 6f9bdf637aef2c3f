package dev.smsbilling.sendcharge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Priming;
import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class SendChargePrimingTest {

    @Test
    void primingRunsTheRequestPathUpToTheDatabaseAndNoFurther() {
        Priming.Simulation primed = Snapshots.primeWithoutDatabase(SendChargeHandler::new);

        assertThat(primed.steps()).as("steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }
}
