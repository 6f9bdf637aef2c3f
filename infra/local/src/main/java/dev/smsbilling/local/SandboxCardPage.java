package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.payment.ChargeResult;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import java.io.IOException;
import java.util.Optional;

/**
 * Local only: what Stripe's script does on a billing page when the customer enters a card, for
 * the sandbox processor. {@code POST /v1/billing/payment-methods/setup} gives a page a setup's
 * client secret; in a deployment Stripe's script confirms it with the card the customer typed.
 * Here {@code POST /sandbox/setup-intents/confirm} {@code {"clientSecret": "…", "paymentMethod":
 * "pm_card_visa"}} confirms it with one of Stripe's test tokens, and answers the saved card,
 * so the whole flow runs with nothing but the local API. Loopback callers only.
 */
final class SandboxCardPage {
    static final String CONFIRM_PATH = "/sandbox/setup-intents/confirm";

    private SandboxCardPage() {
    }

    static GatewayResponse confirm(byte[] body) {
        JsonNode request;
        try {
            request = LocalJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return error(400, "invalid_request", "The body must be JSON: {\"clientSecret\": \"...\", \"paymentMethod\": \"pm_card_visa\"}.");
        }
        String secret = request == null ? null : request.path("clientSecret").textValue();
        String token = request == null ? null : request.path("paymentMethod").textValue();
        if (secret == null || token == null) {
            return error(400, "invalid_request", "clientSecret and paymentMethod (one of Stripe's test tokens) are required.");
        }
        SandboxPaymentProcessor.SetupConfirmation confirmed;
        try {
            confirmed = SandboxPaymentProcessor.shared().confirmSetup(secret, token);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", "No setup has this client secret, or the card is not one of Stripe's test tokens.");
        }
        ObjectNode data = LocalJson.MAPPER.createObjectNode().put("setupIntent", confirmed.setupId());
        Optional<ChargeResult.Declined> declined = confirmed.declined();
        if (declined.isPresent()) {
            data.put("status", "requires_payment_method").putNull("paymentMethod").put("declineCode", declined.get().code());
            return GatewayResponse.json(402, LocalJson.MAPPER.createObjectNode().set("data", data).toString());
        }
        data.put("status", "succeeded").put("paymentMethod", confirmed.paymentMethod().orElseThrow());
        return GatewayResponse.json(200, LocalJson.MAPPER.createObjectNode().set("data", data).toString());
    }

    private static GatewayResponse error(int status, String code, String message) {
        ObjectNode envelope = LocalJson.MAPPER.createObjectNode()
                .put("message", message).put("code", code).put("status", status).put("title", "Invalid Request");
        return GatewayResponse.json(status, envelope.toString());
    }
}
