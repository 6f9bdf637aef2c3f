package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.template.AuthorizerSpec;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.RateExpression;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    @Test
    void readsTheProjectTemplatesRoutesWithTheApiKeyAuthorizer() {
        SamTemplate template = TemplateReader.read(Repository.template());

        RouteSpec quote = template.routes().stream()
                .filter(r -> r.routeKey().equals("POST /v1/messages/quote")).findFirst().orElseThrow();
        assertThat(quote.function().name()).isEqualTo("QuoteFunction");
        assertThat(quote.function().handlerClass()).isEqualTo("dev.smsbilling.quote.QuoteHandler");
        assertThat(quote.function().handlerMethod()).isEqualTo("handleRequest");
        assertThat(quote.auth()).isInstanceOf(RouteAuth.Lambda.class);
        AuthorizerSpec authorizer = ((RouteAuth.Lambda) quote.auth()).authorizer();
        assertThat(authorizer.function().name()).isEqualTo("AuthorizerFunction");
        assertThat(authorizer.identityHeaders()).containsExactly("Authorization");
        assertThat(authorizer.simpleResponses()).isTrue();
        assertThat(authorizer.reauthorizeEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void takesTimeoutsFromTheFunctionOrGlobals() {
        SamTemplate template = TestTemplates.local();

        assertThat(function(template, "AuthorizerFunction").timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(function(template, "EchoFunction").timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void readsNoneAndIamRoutesAndTheSchedule() {
        SamTemplate template = TestTemplates.local();

        assertThat(route(template, "GET /public/{proxy+}").auth()).isInstanceOf(RouteAuth.Open.class);
        assertThat(route(template, "POST /internal/echo").auth()).isInstanceOf(RouteAuth.Iam.class);
        assertThat(route(template, "GET /v1/echo/{id}").auth()).isInstanceOf(RouteAuth.Lambda.class);
        assertThat(template.schedules()).singleElement().satisfies(s -> {
            assertThat(s.function().name()).isEqualTo("SummaryFunction");
            assertThat(s.rate()).hasValue(Duration.ofMinutes(1));
        });
    }

    @Test
    void rateExpressionsHaveAnIntervalAndCronDoesNot() {
        assertThat(RateExpression.interval("rate(1 minute)")).hasValue(Duration.ofMinutes(1));
        assertThat(RateExpression.interval("rate(5 minutes)")).hasValue(Duration.ofMinutes(5));
        assertThat(RateExpression.interval("rate(2 hours)")).hasValue(Duration.ofHours(2));
        assertThat(RateExpression.interval("cron(0 12 * * ? *)")).isEmpty();
    }

    private static FunctionSpec function(SamTemplate template, String name) {
        return template.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static RouteSpec route(SamTemplate template, String routeKey) {
        List<RouteSpec> routes = template.routes();
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
    }
}
