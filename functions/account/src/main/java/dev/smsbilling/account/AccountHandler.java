package dev.smsbilling.account;

import com.amazonaws.services.lambda.runtime.Context;
import dev.smsbilling.billing.runtime.StorePriming;
import dev.smsbilling.billing.runtime.Stores;
import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.InvalidCursorException;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.billing.store.TransactionPage;
import dev.smsbilling.http.ApiEvent;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ApiResponse;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.FieldError;
import dev.smsbilling.http.HttpFunction;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.auth.ApiKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's account: balance, statement and auto-charge settings ({@code /v1}, behind the API
 * key authorizer), and opening accounts and switching their subscription ({@code /internal},
 * IAM-authorised in AWS, so they carry no account of their own).
 */
public final class AccountHandler extends HttpFunction {
    private final BillingStore store;

    public AccountHandler() {
        Settings settings = Settings.fromEnvironment();
        this.store = Stores.fromSettings(settings);
        // The reads, the SDK's path included: priming's DynamoDB requests are answered without
        // being sent, from a made-up table whose one account this is (billing.runtime.StorePriming),
        // with a balance and an empty statement. The write is primed up to the database only
        // (settings that fail the body's checks): that table cannot return the item it saved.
        primeBeforeSnapshot(200, () -> ApiEvent.route("GET /v1/billing/balance").account(StorePriming.FUNDED_ACCOUNT));
        primeBeforeSnapshot(200, () -> ApiEvent.route("GET /v1/billing/transactions").account(StorePriming.FUNDED_ACCOUNT));
        primeBeforeSnapshot(400, () -> Priming.request("PUT /v1/billing/auto-charge").body("{\"enabled\": \"yes\"}"));
    }

    public AccountHandler(BillingStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Context context) {
        String route = request.routeKey() == null ? "" : request.routeKey();
        return switch (route) {
            case "GET /v1/billing/balance" -> balance(request);
            case "GET /v1/billing/transactions" -> transactions(request);
            case "PUT /v1/billing/auto-charge" -> saveAutoCharge(request);
            case "POST /internal/accounts" -> createAccount(request);
            case "PUT /internal/accounts/{accountId}/subscription" -> setSubscription(request);
            default -> throw new ApiException(ErrorCode.NOT_FOUND);
        };
    }

    private ApiResponse balance(ApiRequest request) {
        Account account = callersAccount(request);
        return ApiResponse.data(200, AccountJson.balance(account));
    }

    private ApiResponse transactions(ApiRequest request) {
        String accountId = request.requireAccountId();
        TransactionsQuery query = TransactionsQuery.from(request);
        TransactionPage page;
        try {
            page = store.transactions(accountId, query.limit(), query.cursor());
        } catch (InvalidCursorException e) {
            throw ApiException.invalid("The query is not valid.", List.of(new FieldError("cursor",
                    "is not a cursor this account was given; pass the nextCursor of the previous page unchanged")));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", page.entries().stream().map(TransactionJson::of).toList());
        document.put("nextCursor", page.nextCursor().orElse(null));
        return ApiResponse.json(200, document);
    }

    private ApiResponse saveAutoCharge(ApiRequest request) {
        String accountId = request.requireAccountId();
        AutoChargeSettings settings = AutoChargeRequest.parse(request.body());
        AutoCharge saved = store.saveAutoChargeSettings(accountId, settings)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
        return ApiResponse.data(200, AccountJson.autoCharge(saved));
    }

    /** The key is in this response only: the table keeps its hash, so a lost key means a new one. */
    private ApiResponse createAccount(ApiRequest request) {
        Subscription subscription = AccountRequests.newAccountSubscription(request.body());
        String apiKey = ApiKeys.generate();
        Account account = store.createAccount(subscription, ApiKeys.hash(apiKey));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id());
        data.put("apiKey", apiKey);
        return ApiResponse.data(201, data).withHeader("Cache-Control", "no-store");
    }

    private ApiResponse setSubscription(ApiRequest request) {
        String accountId = AccountRequests.pathAccountId(request);
        Subscription subscription = AccountRequests.subscriptionStatus(request.body());
        if (!store.setSubscription(accountId, subscription)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No account has this id.");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", accountId);
        data.put("subscription", subscription.wireValue());
        return ApiResponse.data(200, data);
    }

    /** An account the authorizer vouched for but the table lacks is treated like an unknown key. */
    private Account callersAccount(ApiRequest request) {
        return store.readAccount(request.requireAccountId()).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED));
    }
}
