package dev.smsbilling.account;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.store.Subscription;
import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.http.JsonBody;
import dev.smsbilling.http.Validation;
import java.util.regex.Pattern;

/** The bodies and path of the internal account routes. */
final class AccountRequests {
    /** Wider than the ids we issue ({@code BA} + 32 hex), so an id format change needs no edit here. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private AccountRequests() {
    }

    /** {@code {"subscription": "active"|"inactive"}}; no body, or no field, opens an active account. */
    static Subscription newAccountSubscription(String json) {
        if (json == null || json.isBlank()) {
            return Subscription.ACTIVE;
        }
        ObjectNode body = JsonBody.parseObject(json);
        Validation v = new Validation();
        String value = v.optionalString(body.get("subscription"), "subscription");
        Subscription subscription = value == null ? Subscription.ACTIVE : subscription(value, "subscription", v);
        v.throwIfInvalid();
        return subscription;
    }

    /** {@code {"status": "active"|"inactive"}}, required. */
    static Subscription subscriptionStatus(String json) {
        ObjectNode body = JsonBody.parseObject(json);
        Validation v = new Validation();
        String value = v.requiredString(body.get("status"), "status");
        Subscription subscription = value == null ? null : subscription(value, "status", v);
        v.throwIfInvalid();
        return subscription;
    }

    /** An id that cannot be an account's is simply not found: no read, no write. */
    static String pathAccountId(ApiRequest request) {
        String accountId = request.pathParameter("accountId");
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No account has this id.");
        }
        return accountId;
    }

    private static Subscription subscription(String value, String path, Validation v) {
        for (Subscription s : Subscription.values()) {
            if (s.wireValue().equals(value)) {
                return s;
            }
        }
        v.reject(path, "must be \"active\" or \"inactive\"");
        return null;
    }
}
