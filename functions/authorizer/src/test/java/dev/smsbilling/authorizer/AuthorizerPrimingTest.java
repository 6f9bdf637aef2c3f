package dev.smsbilling.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Priming;
import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class AuthorizerPrimingTest {

    @Test
    void primingSignsALookupWithoutSendingIt() {
        Priming.Simulation primed = Snapshots.primeWithoutDatabase(AuthorizerHandler::new);

        assertThat(primed.steps()).as("steps registered by the Lambda constructor").isPositive();
        assertThat(primed.failures()).isEmpty();
    }
}
