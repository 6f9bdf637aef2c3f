package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.local.fixtures.AccountsHandler;
import dev.smsbilling.local.fixtures.FundsHandler;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoAccountTest {
    private static final URI BASE = URI.create("http://127.0.0.1:3000");

    @Test
    void createsAnActiveAccountAddsTenDollarsWithItsKeyAndPrintsReadyCurls() throws Exception {
        SamTemplate template = TemplateReader.read(Path.of(getClass().getResource("/local-demo-template.yaml").toURI()));
        try (Functions functions = new Functions(template.functions(), HandlerFactory.byClassName())) {
            Gateway gateway = new Gateway(template, functions, Clock.systemUTC(), line -> { });

            List<String> lines = DemoAccount.seed(template, gateway, BASE);

            assertThat(AccountsHandler.lastEvent.path("body").asText()).isEqualTo("{\"subscription\":\"active\"}");
            assertThat(AccountsHandler.lastEvent.path("requestContext").path("authorizer").has("iam")).isTrue();
            var funds = FundsHandler.lastEvent;
            assertThat(funds.path("headers").path("authorization").asText()).isEqualTo("good-key");
            assertThat(funds.path("headers").path("idempotency-key").asText()).isEqualTo("demo-initial-funds");
            assertThat(funds.path("body").asText()).contains("\"amountMicros\": 10000000", "pm_card_visa");
            assertThat(funds.path("requestContext").path("authorizer").path("lambda").path("accountId").asText()).isEqualTo("A1");
            assertThat(lines).contains("API key: good-key");
            assertThat(lines.stream().filter(l -> l.startsWith("curl "))).hasSize(3)
                    .anySatisfy(l -> assertThat(l).contains("/v1/messages/quote", "+447400123456", "Authorization: good-key"))
                    .anySatisfy(l -> assertThat(l).contains("/v1/messages -H", "+14155552671", "+14155550100"))
                    .anySatisfy(l -> assertThat(l).contains("/v1/billing/balance"));
        }
    }

    @Test
    void withoutTheAccountRouteItSaysTheAccountFunctionIsNeeded() throws URISyntaxException {
        SamTemplate template = TestTemplates.local();
        try (Functions functions = new Functions(template.functions(), HandlerFactory.byClassName())) {
            Gateway gateway = new Gateway(template, functions, Clock.systemUTC(), line -> { });

            assertThat(DemoAccount.seed(template, gateway, BASE)).singleElement()
                    .satisfies(line -> assertThat(line).contains("No demo account", "account function"));
        }
    }
}
