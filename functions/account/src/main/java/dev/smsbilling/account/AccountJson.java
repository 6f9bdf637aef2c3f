package dev.smsbilling.account;

import dev.smsbilling.billing.store.Account;
import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The balance and AutoCharge objects of API.md, field for field (nulls included: they are part of the shape). */
final class AccountJson {
    static final String CURRENCY = "USD";

    private AccountJson() {
    }

    static Map<String, Object> balance(Account account) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("balanceMicros", account.balanceMicros());
        data.put("currency", CURRENCY);
        data.put("subscription", account.subscription().wireValue());
        data.put("autoCharge", autoCharge(account.autoCharge()));
        return data;
    }

    static Map<String, Object> autoCharge(AutoCharge autoCharge) {
        AutoChargeSettings settings = autoCharge.settings();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enabled", settings.enabled());
        data.put("thresholdMicros", settings.thresholdMicros());
        data.put("amountMicros", settings.amountMicros());
        data.put("paymentMethod", settings.paymentMethod().orElse(null));
        data.put("status", autoCharge.status().wireValue());
        data.put("lastError", autoCharge.lastError().orElse(null));
        return data;
    }
}
