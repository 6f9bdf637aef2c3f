package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smsbilling.template.SamTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds an account with an active subscription and $10 of credit through the API itself (the
 * same routing, authorizer and handlers as HTTP), so a first-time user can paste a curl at once.
 */
final class DemoAccount {
    static final String ACCOUNTS = "/internal/accounts";
    static final String FUNDS = "/v1/billing/funds";

    private DemoAccount() {
    }

    /** What to print: the key and ready-to-paste commands, or why there is no demo account. */
    static List<String> seed(SamTemplate template, Gateway gateway, URI base) {
        List<String> lines = new ArrayList<>();
        if (!template.hasRoute("POST", ACCOUNTS)) {
            lines.add("No demo account: template.yaml has no POST " + ACCOUNTS + " route yet (it comes with the account function).");
            return lines;
        }
        GatewayResponse created = call(gateway, "POST", ACCOUNTS, Map.of(), "{\"subscription\":\"active\"}");
        JsonNode data = data(created);
        String apiKey = data.path("apiKey").asText("");
        if (created.status() / 100 != 2 || apiKey.isEmpty()) {
            lines.add("No demo account: POST " + ACCOUNTS + " answered " + created.status() + " " + code(created) + ".");
            return lines;
        }
        lines.add("Demo account " + data.path("accountId").asText() + " (subscription active)");
        if (template.hasRoute("POST", FUNDS)) {
            GatewayResponse funded = call(gateway, "POST", FUNDS,
                    Map.of("Authorization", apiKey, "Idempotency-Key", "demo-initial-funds"),
                    "{\"amountMicros\": 10000000, \"paymentMethod\": \"pm_card_visa\"}");
            lines.add(funded.status() / 100 == 2 ? "Added $10.00 of credit (sandbox card pm_card_visa)"
                    : "Could not add the demo credit: POST " + FUNDS + " answered " + funded.status() + " " + code(funded) + ".");
        } else {
            lines.add("No credit added: template.yaml has no POST " + FUNDS + " route yet.");
        }
        lines.add("API key: " + apiKey);
        lines.add("");
        lines.add("Try:");
        lines.addAll(curls(base, apiKey));
        return lines;
    }

    static List<String> curls(URI base, String apiKey) {
        String auth = " -H 'Authorization: " + apiKey + "'";
        String json = " -H 'Content-Type: application/json'";
        return List.of(
                "curl -s " + base + "/v1/messages/quote" + auth + json
                        + " -d '{\"content\":\"Hello from the local API\",\"to\":[\"+447400123456\"]}'",
                "curl -s " + base + "/v1/messages" + auth + json + " -H 'Idempotency-Key: demo-send-1'"
                        + " -d '{\"content\":\"Hello from the local API\",\"from\":\"+14155550100\",\"to\":[\"+14155552671\"]}'",
                "curl -s " + base + "/v1/billing/balance" + auth);
    }

    private static GatewayResponse call(Gateway gateway, String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        all.put("User-Agent", "local-api-demo");
        return gateway.handle(IncomingRequest.fromLoopback(method, path, all, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode data(GatewayResponse response) {
        try {
            JsonNode json = LocalJson.MAPPER.readTree(response.body());
            return json == null ? LocalJson.MAPPER.missingNode() : json.path("data");
        } catch (IOException e) {
            return LocalJson.MAPPER.missingNode();
        }
    }

    private static String code(GatewayResponse response) {
        try {
            JsonNode json = LocalJson.MAPPER.readTree(response.body());
            return json == null ? "" : json.path("code").asText("");
        } catch (IOException e) {
            return "";
        }
    }
}
