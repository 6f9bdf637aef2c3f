package dev.smsbilling.addfunds;

import dev.smsbilling.billing.api.BillingFunction;
import dev.smsbilling.billing.api.PaymentCustomers;
import dev.smsbilling.billing.payment.CardSetup;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.payment.PaymentUnavailable;
import dev.smsbilling.billing.payment.ProcessorKeys;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.IdempotencyKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/billing/payment-methods/setup}: the first half of saving a card, for top-ups
 * and for auto-charge, which charges without the customer present. The account's customer is
 * made if need be and a setup started for it; the page confirms the setup with the processor's
 * own script, which saves the card to that customer (the card's number never reaches us), and
 * then names the saved card ({@code pm_…}) in a top-up or in the auto-charge settings. Only a
 * card saved this way, to this account, is charged.
 *
 * <p>Nothing here moves money, so no Idempotency-Key is required; one that is given makes a
 * retry get the same setup back.
 */
final class CardSetupRoute {
    static final String ROUTE = "POST /v1/billing/payment-methods/setup";

    private final BillingStore store;
    private final PaymentProcessor processor;

    CardSetupRoute(BillingStore store, PaymentProcessor processor) {
        this.store = store;
        this.processor = processor;
    }

    ApiResponse handle(ApiRequest request) {
        String accountId = request.requireAccountId();
        String key = IdempotencyKey.optional(request).map(IdempotencyKey::value).orElse(request.requestId());
        Account account = store.readAccount(accountId).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        if (!account.isActive()) {
            throw new ApiException(ErrorCode.SUBSCRIPTION_INACTIVE);
        }
        CardSetup setup;
        try {
            String customer = PaymentCustomers.of(store, processor, accountId, account.paymentCustomer());
            setup = processor.setUpCard(customer, ProcessorKeys.of("setup", accountId, key));
        } catch (PaymentUnavailable e) {
            throw new ApiException(ErrorCode.PAYMENT_UNAVAILABLE).withRetryAfter(BillingFunction.RETRY_SOON);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("setupIntent", setup.setupId());
        data.put("clientSecret", setup.clientSecret());
        data.put("publishableKey", setup.publishableKey());
        return ApiResponse.data(201, data);
    }
}
