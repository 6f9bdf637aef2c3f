package dev.smsbilling.quote;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.HttpFunction;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.message.PricingErrors;
import dev.smsbilling.http.message.SendMessageBody;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.PricingException;

/**
 * The quote function: what a message would cost ({@code POST /v1/messages/quote}) and the
 * published rate table ({@code GET /v1/pricing/rates}). Charges nothing, stores nothing.
 */
public final class QuoteHandler extends HttpFunction {
    private final Pricer pricer;
    private final RatesResponse rates;

    /** Lambda's entry: the rate table of this deployment, loaded once per instance. */
    public QuoteHandler() {
        this(Pricer.fromEnvironment());
        // A UCS-2 text with a cheaper rewrite walks every part of the pricer.
        primeBeforeSnapshot(200, () -> Priming.request("POST /v1/messages/quote")
                .body("{\"content\": \"Priming “quote” 😀 — ok\", \"to\": [\"+447400123456\"]}"));
        primeBeforeSnapshot(200, () -> Priming.request("GET /v1/pricing/rates"));
    }

    public QuoteHandler(Pricer pricer) {
        this.pricer = pricer;
        this.rates = new RatesResponse(pricer.rates());
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Context context) {
        request.requireAccountId(); // the authorizer vouches for the caller; without it nothing is answered
        return switch (request.routeKey()) {
            case "POST /v1/messages/quote" -> quote(request);
            case "GET /v1/pricing/rates" -> rates.answer(request.queryParameter("country"));
            default -> throw new ApiException(ErrorCode.NOT_FOUND);
        };
    }

    private ApiResponse quote(ApiRequest request) {
        SendMessageBody body = SendMessageBody.forQuote(request.body());
        try {
            return ApiResponse.data(200, pricer.quote(body.content(), body.to()));
        } catch (PricingException e) {
            throw PricingErrors.toApi(e);
        }
    }
}
