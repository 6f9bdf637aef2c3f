package dev.smsbilling.addfunds;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class AddFundsPrimingTest {

    @Test
    void primingRunsTheRequestPathUpToTheDatabaseAndNoFurther() {
        Snapshots.assertPrimesWithoutDatabase(AddFundsHandler::new);
    }
}
