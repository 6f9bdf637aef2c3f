package dev.smsbilling.authorizer;

import dev.smsbilling.http.testing.Snapshots;
import org.junit.jupiter.api.Test;

class AuthorizerPrimingTest {

    @Test
    void primingSignsALookupWithoutSendingIt() {
        Snapshots.assertPrimesWithoutDatabase(AuthorizerHandler::new);
    }
}
