package dev.smsbilling.billing.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.store.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorDecodesToItsSeqForTheAccountItWasIssuedTo() {
        assertThat(Cursors.decode("BA1", Cursors.encode("BA1", 42))).isEqualTo(42);
    }

    @Test
    void anotherAccountsCursorIsRejected() {
        String cursor = Cursors.encode("BA1", 42);

        assertThatThrownBy(() -> Cursors.decode("BA2", cursor)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void anEditedSeqIsRejected() {
        String plain = new String(Base64.getUrlDecoder().decode(Cursors.encode("BA1", 42)), StandardCharsets.US_ASCII);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.replace("v1.42.", "v1.43.").getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> Cursors.decode("BA1", edited)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void garbageIsRejected() {
        for (String garbage : new String[] {"", "%%%", "djE", "djEuMC4w", "bm90IGEgY3Vyc29y"}) {
            assertThatThrownBy(() -> Cursors.decode("BA1", garbage)).isInstanceOf(InvalidCursorException.class);
        }
    }
}
