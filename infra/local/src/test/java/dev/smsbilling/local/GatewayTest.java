package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.template.SamTemplate;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gateway decides before any function runs, for callers HTTP tests cannot pose as. */
class GatewayTest {
    private final SamTemplate template = TestTemplates.local();
    private final Functions functions = new Functions(template.functions(), HandlerFactory.byClassName());
    private final Gateway gateway = new Gateway(template, functions, Clock.systemUTC(), line -> { });

    @AfterEach
    void close() {
        functions.close();
    }

    @Test
    void anInternalRouteRefusesACallerThatIsNotOnLoopback() {
        GatewayResponse response = gateway.handle(remote("POST", "/internal/echo"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.bodyText()).contains("\"code\":\"forbidden\"");
    }

    @Test
    void runningTheScheduleRefusesACallerThatIsNotOnLoopback() {
        assertThat(gateway.handle(remote("POST", Gateway.RUN_SCHEDULE_PATH)).status()).isEqualTo(403);
    }

    @Test
    void withoutAScheduledFunctionRunningTheScheduleIsNotFound() {
        SamTemplate noSchedule = new SamTemplate(template.functions(), template.routes(), List.of(), template.authorizers());
        try (Functions own = new Functions(noSchedule.functions(), HandlerFactory.byClassName())) {
            Gateway withoutSchedule = new Gateway(noSchedule, own, Clock.systemUTC(), line -> { });

            GatewayResponse response = withoutSchedule.handle(
                    IncomingRequest.fromLoopback("POST", Gateway.RUN_SCHEDULE_PATH, Map.of(), new byte[0]));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.bodyText()).contains("\"code\":\"not_found\"");
        }
    }

    @Test
    void anInProcessLoopbackCallGoesThroughTheSameRouting() {
        GatewayResponse response = gateway.handle(IncomingRequest.fromLoopback("POST", "/v1/echo",
                Map.of("Authorization", "good-key", "Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains("\"accountId\":\"A1\"");
    }

    private static IncomingRequest remote(String method, String path) {
        return new IncomingRequest(method, path, "", Map.of(), new byte[0],
                new InetSocketAddress("203.0.113.7", 50000), "HTTP/1.1");
    }
}
