package dev.smsbilling.sendcharge;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class SendChargePrimingTest {

    @Test
    void primingRunsTheRequestPathUpToTheDatabaseAndNoFurther() {
        Snapshots.assertPrimesWithoutDatabase(SendChargeHandler::new);
    }
}
