package dev.smsbilling.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What goes back to the HTTP client. Header names keep the case the function gave them. */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";

    public static GatewayResponse json(int status, String body) {
        return new GatewayResponse(status, Map.of("Content-Type", List.of(JSON)), body.getBytes(StandardCharsets.UTF_8));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
