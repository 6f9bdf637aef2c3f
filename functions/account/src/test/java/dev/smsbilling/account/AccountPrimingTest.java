package dev.smsbilling.account;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class AccountPrimingTest {

    @Test
    void primingRunsTheRequestPathUpToTheDatabaseAndNoFurther() {
        Snapshots.assertPrimesWithoutDatabase(AccountHandler::new);
    }
}
