package dev.smsbilling.billing.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeFormTest {

    @Test
    void parametersAreSentInOrderWithStripesBracketNamesLeftReadable() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("amount", "2500");
        params.put("payment_method_types[0]", "card");
        params.put("metadata[account]", "BA01");

        assertThat(StripeForm.encode(params)).isEqualTo("amount=2500&payment_method_types[0]=card&metadata[account]=BA01");
    }

    @Test
    void aDescriptionWithReservedAndNonAsciiCharactersArrivesAsWritten() {
        String description = "Crédit SMS & co [50%] = +1 €";

        String body = StripeForm.encode(Map.of("description", description));

        assertThat(body).isEqualTo("description=Cr%C3%A9dit+SMS+%26+co+[50%25]+%3D+%2B1+%E2%82%AC");
        assertThat(URLDecoder.decode(body.substring("description=".length()), UTF_8)).isEqualTo(description);
    }

    @Test
    void noParametersIsAnEmptyBody() {
        assertThat(StripeForm.encode(Map.of())).isEmpty();
    }
}
