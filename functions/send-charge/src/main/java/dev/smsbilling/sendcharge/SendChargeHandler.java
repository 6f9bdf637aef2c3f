package dev.smsbilling.sendcharge;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.billing.api.BillingFunction;
import dev.smsbilling.billing.api.Deadlines;
import dev.smsbilling.billing.api.Outcomes;
import dev.smsbilling.billing.api.RequestHash;
import dev.smsbilling.billing.runtime.StorePriming;
import dev.smsbilling.billing.runtime.Stores;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.DebitResult;
import dev.smsbilling.billing.store.DebitResult.InsufficientFunds;
import dev.smsbilling.billing.store.DebitResult.SubscriptionInactive;
import dev.smsbilling.billing.store.Idempotency;
import dev.smsbilling.billing.store.KeySeenBefore.Replayed;
import dev.smsbilling.billing.store.MessageCharge;
import dev.smsbilling.billing.store.WriteOutcome;
import dev.smsbilling.http.ApiEvent;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.IdempotencyKey;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.message.PricingErrors;
import dev.smsbilling.http.message.SendMessageBody;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.PricingException;
import dev.smsbilling.pricing.Quote;
import java.util.Optional;

/**
 * {@code POST /v1/messages}: prices the text with the pricing jar, then charges its full cost
 * and records the message in one conditional transaction, or refuses with nothing written
 * (402 short balance, 403 inactive subscription). With an Idempotency-Key a retry gets the
 * first answer again and is never charged twice.
 */
public final class SendChargeHandler extends BillingFunction {
    static final String ROUTE = "POST /v1/messages";

    private final Pricer pricer;
    private final BillingStore store;

    /** Lambda's entry: the pricer and the store are built once per instance. */
    public SendChargeHandler() {
        this(Pricer.fromEnvironment(), Stores.fromSettings(Settings.fromEnvironment()));
        // The whole path of a send, its transaction and the SDK's included, with a key and
        // without (the read is a TransactGetItems, or a GetItem): priming's DynamoDB requests
        // are answered without being sent, from a made-up table whose one account this is
        // (billing.runtime.StorePriming), so the send is accepted and nothing is written.
        String send = "{\"content\": \"Priming “send” 😀\", \"from\": \"+14155550100\", \"to\": [\"+447400123456\"]}";
        primeBeforeSnapshot(202, () -> ApiEvent.route(ROUTE).account(StorePriming.FUNDED_ACCOUNT)
                .header("idempotency-key", "priming").body(send));
        primeBeforeSnapshot(202, () -> ApiEvent.route(ROUTE).account(StorePriming.FUNDED_ACCOUNT).body(send));
        Priming.beforeSnapshot("pricer", () -> pricer.quote("Priming “quote” 😀 — ok", "+447400123456").nonGsmCharacters().size());
    }

    public SendChargeHandler(Pricer pricer, BillingStore store) {
        this.pricer = pricer;
        this.store = store;
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Context context) {
        String account = request.requireAccountId();
        if (!ROUTE.equals(request.routeKey())) {
            throw new ApiException(ErrorCode.NOT_FOUND);
        }
        SendMessageBody body = SendMessageBody.forSend(request.body());
        Optional<Idempotency> idempotency = IdempotencyKey.optional(request)
                .map(key -> RequestHash.idempotency(key, ROUTE, body.canonical()));
        Quote quote;
        try {
            quote = pricer.quote(body.content(), body.to());
        } catch (PricingException e) {
            return earlierAnswer(account, idempotency).orElseThrow(() -> PricingErrors.toApi(e));
        }
        MessageCharge charge = new MessageCharge(quote.to(), body.from(), quote.segments(), quote.country(),
                quote.perSegmentMicros(), quote.encoding(), quote.costMicros(), quote.rateTableVersion());

        DebitResult result = store.debit(account, charge, idempotency,
                entry -> Outcomes.toStored(MessageResponse.accepted(entry, body, quote)), Deadlines.of(context));

        if (result instanceof InsufficientFunds shortBy) {
            throw new ApiException(ErrorCode.INSUFFICIENT_FUNDS)
                    .withExtra("balanceMicros", shortBy.balanceMicros())
                    .withExtra("costMicros", shortBy.costMicros());
        }
        if (result instanceof SubscriptionInactive) {
            throw new ApiException(ErrorCode.SUBSCRIPTION_INACTIVE);
        }
        return Outcomes.toResponse((WriteOutcome) result);
    }

    /**
     * A message that cannot be priced is refused before anything is written; but the retry of a
     * message that was sent is answered as the first time, even if the rate table has since
     * dropped its country.
     */
    private Optional<ApiResponse> earlierAnswer(String account, Optional<Idempotency> idempotency) {
        return idempotency.flatMap(key -> store.keySeenBefore(account, key))
                .filter(Replayed.class::isInstance)
                .map(Outcomes::toResponse);
    }
}
