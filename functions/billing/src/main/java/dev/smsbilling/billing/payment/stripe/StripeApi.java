package dev.smsbilling.billing.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Stripe endpoints the processor calls, answered as {@link PaymentIntent}s, a customer's id
 * and {@link StripeObjects}. Anything else, an error answer included, is a {@link StripeCallFailed}.
 */
final class StripeApi {
    /** Intents per page of a list: Stripe's maximum. */
    static final int PAGE_SIZE = 100;
    private static final String PAYMENT_INTENTS = "/v1/payment_intents";
    private static final String CUSTOMERS = "/v1/customers";
    private static final String SETUP_INTENTS = "/v1/setup_intents";
    private static final String PAYMENT_METHODS = "/v1/payment_methods";

    private final StripeTransport transport;

    StripeApi(StripeTransport transport) {
        this.transport = transport;
    }

    /** Build once per function instance: it holds no connection, and the JDK pools them. */
    static StripeApi create(StripeConfig config) {
        return new StripeApi(new StripeTransport(new StripeHttp(config), StripeRetryBackoff.jittered(), config.maxNetworkRetries()));
    }

    /** POST /v1/payment_intents under our idempotency key: a second call with the key gets the first answer. */
    PaymentIntent createPaymentIntent(String secretKey, Map<String, String> params, String idempotencyKey) throws StripeCallFailed {
        return call(StripeRequest.post(PAYMENT_INTENTS, StripeForm.encode(params), idempotencyKey), secretKey);
    }

    /** POST /v1/customers under our idempotency key, answered with the customer's id. */
    String createCustomer(String secretKey, Map<String, String> params, String idempotencyKey) throws StripeCallFailed {
        return call(StripeRequest.post(CUSTOMERS, StripeForm.encode(params), idempotencyKey), secretKey, StripeJson::customerId);
    }

    /** POST /v1/setup_intents under our idempotency key. */
    StripeObjects.SetupIntent createSetupIntent(String secretKey, Map<String, String> params, String idempotencyKey)
            throws StripeCallFailed {
        return call(StripeRequest.post(SETUP_INTENTS, StripeForm.encode(params), idempotencyKey), secretKey, StripeJson::setupIntent);
    }

    /** GET /v1/payment_methods/{id}: whose card it is. */
    StripeObjects.PaymentMethod retrievePaymentMethod(String secretKey, String id) throws StripeCallFailed {
        return call(StripeRequest.get(PAYMENT_METHODS + "/" + URLEncoder.encode(id, UTF_8)), secretKey, StripeJson::paymentMethod);
    }

    /** GET /v1/payment_intents/{id}: the intent as it is now, not as a replay of the key. */
    PaymentIntent retrievePaymentIntent(String secretKey, String id) throws StripeCallFailed {
        return call(StripeRequest.get(PAYMENT_INTENTS + "/" + URLEncoder.encode(id, UTF_8)), secretKey);
    }

    /**
     * GET /v1/payment_intents created between {@code createdFrom} and {@code createdTo}
     * (inclusive, whole seconds), a page of 100, newest first; {@code startingAfter} is the last
     * intent of the page before. A list, not Stripe's search, because search lags behind writes
     * by up to a minute (more in an outage) and a sweep must not conclude "never charged" from a
     * stale index.
     */
    PaymentIntentPage listPaymentIntents(String secretKey, Instant createdFrom, Instant createdTo,
                                         Optional<String> startingAfter) throws StripeCallFailed {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("created[gte]", Long.toString(createdFrom.getEpochSecond()));
        // Rounded up, so an intent created in the last second's fraction is still inside.
        query.put("created[lte]", Long.toString(createdTo.getEpochSecond() + (createdTo.getNano() > 0 ? 1 : 0)));
        query.put("limit", Integer.toString(PAGE_SIZE));
        startingAfter.ifPresent(id -> query.put("starting_after", id));
        return call(StripeRequest.get(PAYMENT_INTENTS + "?" + StripeForm.encode(query)), secretKey, StripeJson::paymentIntentPage);
    }

    private PaymentIntent call(StripeRequest request, String secretKey) throws StripeCallFailed {
        return call(request, secretKey, StripeJson::paymentIntent);
    }

    private <T> T call(StripeRequest request, String secretKey, Function<String, Optional<T>> read) throws StripeCallFailed {
        StripeResponse response;
        try {
            response = transport.send(request, secretKey);
        } catch (IOException e) {
            throw StripeCallFailed.noAnswer(e);
        }
        if (!response.isSuccess()) {
            StripeError error = StripeJson.errorEnvelope(response.body())
                    .orElseThrow(() -> StripeCallFailed.unreadable(response));
            throw StripeCallFailed.errorAnswer(response, error);
        }
        return read.apply(response.body()).orElseThrow(() -> StripeCallFailed.unreadable(response));
    }
}
