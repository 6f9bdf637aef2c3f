package dev.smsbilling.billing.payment.stripe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Stripe's JSON answers into {@link PaymentIntent} and {@link StripeError}. A body that is
 * not what the API reference describes reads as empty rather than as an exception: the caller
 * then knows only that the charge's outcome is unknown. Jackson's parse errors are dropped on
 * purpose, as they quote the body, and the body can quote a payment method id.
 */
final class StripeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StripeJson() {
    }

    /** Empty unless the body is an object with a text id and status and an amount in whole cents. */
    static Optional<PaymentIntent> paymentIntent(String body) {
        return paymentIntent(parse(body));
    }

    /**
     * A page of {@code GET /v1/payment_intents}: {@code {"object": "list", "data": [...],
     * "has_more": ...}}. Empty when any intent on it is unreadable: a search that skipped one
     * could conclude that a charge which exists was never made.
     */
    static Optional<PaymentIntentPage> paymentIntentPage(String body) {
        JsonNode page = parse(body);
        JsonNode data = page.path("data");
        if (!"list".equals(page.path("object").asText()) || !data.isArray() || !page.path("has_more").isBoolean()) {
            return Optional.empty();
        }
        List<PaymentIntent> intents = new ArrayList<>(data.size());
        for (JsonNode node : data) {
            Optional<PaymentIntent> intent = paymentIntent(node);
            if (intent.isEmpty()) {
                return Optional.empty();
            }
            intents.add(intent.get());
        }
        return Optional.of(new PaymentIntentPage(intents, page.path("has_more").asBoolean()));
    }

    private static Optional<PaymentIntent> paymentIntent(JsonNode intent) {
        JsonNode id = intent.path("id");
        JsonNode status = intent.path("status");
        JsonNode amount = intent.path("amount");
        if (!id.isTextual() || id.asText().isEmpty() || !status.isTextual() || !isCents(amount)) {
            return Optional.empty();
        }
        JsonNode lastError = intent.path("last_payment_error");
        return Optional.of(new PaymentIntent(id.asText(), status.asText(), Cents.toMicros(amount.asLong()),
                lastError.isObject() ? error(lastError) : null, text(intent.path("metadata"), PaymentIntentParams.CHARGE_KEY)));
    }

    /** The id of a {@code {"object": "customer", "id": "cus_..."}}; empty for anything else. */
    static Optional<String> customerId(String body) {
        JsonNode customer = parse(body);
        String id = text(customer, "id");
        boolean readable = "customer".equals(text(customer, "object")) && id != null && id.startsWith("cus_");
        return readable ? Optional.of(id) : Optional.empty();
    }

    /** A {@code {"object": "setup_intent", "id": "seti_...", "client_secret": "..."}}; empty for anything else. */
    static Optional<StripeObjects.SetupIntent> setupIntent(String body) {
        JsonNode intent = parse(body);
        String id = text(intent, "id");
        String secret = text(intent, "client_secret");
        boolean readable = "setup_intent".equals(text(intent, "object")) && id != null && secret != null && !secret.isEmpty();
        return readable ? Optional.of(new StripeObjects.SetupIntent(id, secret)) : Optional.empty();
    }

    /**
     * A {@code {"object": "payment_method", "id": "pm_...", "customer": "cus_..." | null}}; empty
     * for anything else, a customer that is neither text nor null included (expanded, say), so an
     * unreadable answer never reads as "saved to nobody" or as someone's.
     */
    static Optional<StripeObjects.PaymentMethod> paymentMethod(String body) {
        JsonNode method = parse(body);
        String id = text(method, "id");
        JsonNode customer = method.path("customer");
        boolean readable = "payment_method".equals(text(method, "object")) && id != null
                && (customer.isTextual() || customer.isNull());
        return readable ? Optional.of(new StripeObjects.PaymentMethod(id, customer.isTextual() ? customer.asText() : null))
                : Optional.empty();
    }

    /**
     * Empty unless the body is Stripe's {@code {"error": {...}}} envelope. The PaymentIntent that
     * a card error also carries is not read: its decline code and message already say it all.
     */
    static Optional<StripeError> errorEnvelope(String body) {
        JsonNode error = parse(body).path("error");
        return error.isObject() ? Optional.of(error(error)) : Optional.empty();
    }

    /** A whole, non-negative number of cents that micro-dollars can hold (Stripe's maximum is far below). */
    private static boolean isCents(JsonNode amount) {
        return amount.isIntegralNumber() && amount.canConvertToLong()
                && amount.asLong() >= 0 && amount.asLong() <= Long.MAX_VALUE / Cents.MICROS_PER_CENT;
    }

    private static StripeError error(JsonNode error) {
        return new StripeError(text(error, "type"), text(error, "code"), text(error, "decline_code"),
                text(error, "param"), text(error, "message"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** A missing node for anything that is not a JSON document, so every path() above reads as absent. */
    private static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
