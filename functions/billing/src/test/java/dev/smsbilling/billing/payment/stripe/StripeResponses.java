package dev.smsbilling.billing.payment.stripe;

/**
 * Bodies shaped as Stripe's API reference documents them: a PaymentIntent object, a Customer, and the
 * {@code {"error": {...}}} envelope with its type, code, decline_code and message.
 */
final class StripeResponses {
    private StripeResponses() {
    }

    static String paymentIntent(String id, String status, long amountCents, String paymentMethod) {
        return paymentIntent(id, status, amountCents, paymentMethod, "null");
    }

    static String paymentIntent(String id, String status, long amountCents, String paymentMethod, String lastPaymentError) {
        boolean succeeded = "succeeded".equals(status);
        return """
                {
                  "id": "%1$s",
                  "object": "payment_intent",
                  "amount": %2$d,
                  "amount_capturable": 0,
                  "amount_received": %3$d,
                  "capture_method": "automatic",
                  "client_secret": "%1$s_secret_test",
                  "confirmation_method": "automatic",
                  "created": 1764201600,
                  "currency": "usd",
                  "customer": null,
                  "description": "Prepaid SMS credit",
                  "last_payment_error": %4$s,
                  "latest_charge": %5$s,
                  "livemode": false,
                  "metadata": {},
                  "next_action": %6$s,
                  "payment_method": "%7$s",
                  "payment_method_types": ["card"],
                  "status": "%8$s"
                }
                """.formatted(id, amountCents, succeeded ? amountCents : 0, lastPaymentError,
                succeeded ? "\"ch_3QexampleCharge0001\"" : "null",
                "requires_action".equals(status) ? "{\"type\": \"use_stripe_sdk\", \"use_stripe_sdk\": {}}" : "null",
                paymentMethod, status);
    }

    /** A Customer object, as {@code POST /v1/customers} answers with it: the one CustomerParams asks for. */
    static String customer(String id, String accountId) {
        return """
                {
                  "id": "%1$s",
                  "object": "customer",
                  "address": null,
                  "balance": 0,
                  "created": 1764201600,
                  "currency": null,
                  "default_source": null,
                  "delinquent": false,
                  "description": "SMS billing account %2$s",
                  "email": null,
                  "invoice_prefix": "7C1A2B3D",
                  "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null,
                    "rendering_options": null},
                  "livemode": false,
                  "metadata": {"account_id": "%2$s"},
                  "name": null,
                  "next_invoice_sequence": 1,
                  "phone": null,
                  "preferred_locales": [],
                  "shipping": null,
                  "tax_exempt": "none",
                  "test_clock": null
                }
                """.formatted(id, accountId);
    }

    /** A card PaymentMethod, as {@code GET /v1/payment_methods/{id}} answers; {@code customer} is JSON: {@code "\"cus_…\""} or {@code "null"}. */
    static String paymentMethod(String id, String customer) {
        return """
                {
                  "id": "%1$s",
                  "object": "payment_method",
                  "allow_redisplay": "unspecified",
                  "billing_details": {"address": {"city": null, "country": null, "line1": null, "line2": null,
                    "postal_code": null, "state": null}, "email": null, "name": null, "phone": null},
                  "card": {"brand": "visa", "checks": {"address_line1_check": null, "address_postal_code_check": null,
                    "cvc_check": "pass"}, "country": "US", "display_brand": "visa", "exp_month": 8, "exp_year": 2030,
                    "fingerprint": "mToisGZ01V71BCos", "funding": "credit", "generated_from": null, "last4": "4242",
                    "networks": {"available": ["visa"], "preferred": null}, "three_d_secure_usage": {"supported": true},
                    "wallet": null},
                  "created": 1764201600,
                  "customer": %2$s,
                  "livemode": false,
                  "metadata": {},
                  "type": "card"
                }
                """.formatted(id, customer);
    }

    /** A SetupIntent as {@code POST /v1/setup_intents} answers, before the page confirms it. */
    static String setupIntent(String id, String customer) {
        return """
                {
                  "id": "%1$s",
                  "object": "setup_intent",
                  "application": null,
                  "cancellation_reason": null,
                  "client_secret": "%1$s_secret_NXDICkPqPeiBTAFqWmkbff09lRmSVXe",
                  "created": 1764201600,
                  "customer": "%2$s",
                  "description": null,
                  "last_setup_error": null,
                  "latest_attempt": null,
                  "livemode": false,
                  "metadata": {},
                  "next_action": null,
                  "payment_method": null,
                  "payment_method_options": {"card": {"mandate_options": null, "network": null, "request_three_d_secure": "automatic"}},
                  "payment_method_types": ["card"],
                  "single_use_mandate": null,
                  "status": "requires_payment_method",
                  "usage": "off_session"
                }
                """.formatted(id, customer);
    }

    /** A PaymentIntent we created: its metadata carries our idempotency key, as PaymentIntentParams sends it. */
    static String ourPaymentIntent(String id, String status, long amountCents, String chargeKey, String lastPaymentError) {
        return paymentIntent(id, status, amountCents, "pm_1QaBcDeFgHiJkLmNoPqRsTuV", lastPaymentError)
                .replace("\"metadata\": {}", "\"metadata\": {\"charge_key\": \"" + chargeKey + "\"}");
    }

    /** A page of {@code GET /v1/payment_intents}: Stripe's list object. */
    static String list(boolean hasMore, String... intents) {
        return """
                {
                  "object": "list",
                  "url": "/v1/payment_intents",
                  "has_more": %s,
                  "data": [%s]
                }
                """.formatted(hasMore, String.join(",", intents));
    }

    static String cardError(String code, String declineCode, String message, String paymentIntentJson) {
        return """
                {
                  "error": {
                    "type": "card_error",
                    "code": "%s",
                    %s
                    "message": "%s",
                    "charge": "ch_3QexampleDeclined01",
                    "doc_url": "https://stripe.com/docs/error-codes/%s",
                    "payment_intent": %s,
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_example"
                  }
                }
                """.formatted(code, declineCode == null ? "" : "\"decline_code\": \"" + declineCode + "\",",
                message, code, paymentIntentJson);
    }

    static String lastPaymentError(String code, String declineCode, String message) {
        return """
                {"type": "card_error", "code": "%s", "decline_code": "%s", "message": "%s"}
                """.formatted(code, declineCode, message);
    }

    static String error(String type, String code, String param, String message) {
        return """
                {
                  "error": {
                    "type": "%s",
                    "code": %s,
                    "param": %s,
                    "message": "%s"
                  }
                }
                """.formatted(type, code == null ? "null" : "\"" + code + "\"",
                param == null ? "null" : "\"" + param + "\"", message);
    }

    static String apiError() {
        return error("api_error", null, null, "An unknown error occurred");
    }
}
