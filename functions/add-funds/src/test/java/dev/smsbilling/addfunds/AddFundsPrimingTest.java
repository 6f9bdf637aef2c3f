package dev.smsbilling.addfunds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Priming;
import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class AddFundsPrimingTest {

    @Test
    void primingRunsTheRequestPathUpToTheDatabaseAndNoFurther() {
        Priming.Simulation primed = Snapshots.primeWithoutDatabase(AddFundsHandler::new);

        assertThat(primed.steps()).as("steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }
}
