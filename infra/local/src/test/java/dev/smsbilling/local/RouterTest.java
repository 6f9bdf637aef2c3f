package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final FunctionSpec F = new FunctionSpec("F", "x.F", "handleRequest", Duration.ofSeconds(3));

    private static RouteSpec route(String method, String path) {
        return new RouteSpec(method, path, F, new RouteAuth.Open());
    }

    @Test
    void theMostSpecificRouteWinsWhateverTheTemplateOrder() {
        Router router = new Router(List.of(route("GET", "/pets/{proxy+}"), route("GET", "/pets/{id}"),
                route("GET", "/pets/dog"), route("ANY", "/pets/cat")));

        assertThat(router.match("GET", "/pets/dog").orElseThrow().route().path()).isEqualTo("/pets/dog");
        assertThat(router.match("GET", "/pets/7").orElseThrow().pathParameters()).containsEntry("id", "7");
        assertThat(router.match("GET", "/pets/7/toys").orElseThrow().pathParameters()).containsEntry("proxy", "7/toys");
        assertThat(router.match("DELETE", "/pets/cat").orElseThrow().route().method()).isEqualTo("ANY");
        assertThat(router.match("POST", "/pets/7")).isEmpty();
    }

    @Test
    void parametersMatchOneNonEmptySegmentAndTheWholePathMustMatch() {
        Router router = new Router(List.of(route("PUT", "/internal/accounts/{accountId}/subscription")));

        assertThat(router.match("PUT", "/internal/accounts/A%2FB/subscription").orElseThrow().pathParameters())
                .containsEntry("accountId", "A/B");
        assertThat(router.match("PUT", "/internal/accounts//subscription")).isEmpty();
        assertThat(router.match("PUT", "/internal/accounts/A/subscription/more")).isEmpty();
        assertThat(router.match("PUT", "/internal/accounts/A")).isEmpty();
    }
}
