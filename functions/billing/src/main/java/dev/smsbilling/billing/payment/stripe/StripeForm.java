package dev.smsbilling.billing.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Stripe request body, or a GET's query: {@code application/x-www-form-urlencoded}, with nested names already
 * flattened into Stripe's bracket notation ({@code payment_method_types[0]}). Brackets stay
 * unescaped, as Stripe's own clients send them: Stripe reads both forms, and its request logs
 * stay readable.
 */
final class StripeForm {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded;charset=UTF-8";

    private StripeForm() {
    }

    /** The parameters in the map's iteration order, so a body is the same bytes every time. */
    static String encode(Map<String, String> params) {
        StringJoiner body = new StringJoiner("&");
        params.forEach((name, value) -> body.add(escape(name) + "=" + escape(value)));
        return body.toString();
    }

    private static String escape(String text) {
        return URLEncoder.encode(text, UTF_8).replace("%5B", "[").replace("%5D", "]");
    }
}
