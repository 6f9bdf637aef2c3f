package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.AutoCharge;
import dev.smsbilling.billing.store.AutoChargeSettings;
import dev.smsbilling.billing.store.AutoChargeStatus;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The auto-charge attributes of an account item. An account that never saved settings has none
 * of them and reads as {@link AutoCharge#DEFAULT}; a stored NULL reads as absent.
 */
final class AutoChargeItems {
    private AutoChargeItems() {
    }

    static AutoCharge fromItem(Map<String, AttributeValue> item) {
        if (!item.containsKey(Attributes.AUTO_CHARGE_ENABLED)) {
            return AutoCharge.DEFAULT;
        }
        AutoChargeSettings settings = new AutoChargeSettings(
                Values.flag(item, Attributes.AUTO_CHARGE_ENABLED),
                Values.number(item, Attributes.AUTO_CHARGE_THRESHOLD),
                Values.number(item, Attributes.AUTO_CHARGE_AMOUNT),
                string(item, Attributes.AUTO_CHARGE_PAYMENT_METHOD));
        return new AutoCharge(settings,
                string(item, Attributes.AUTO_CHARGE_STATUS).map(AutoChargeStatus::fromWireValue).orElse(AutoChargeStatus.OK),
                string(item, Attributes.AUTO_CHARGE_LAST_ERROR),
                Math.toIntExact(Values.optionalNumber(item, Attributes.AUTO_CHARGE_DECLINES).orElse(0L)));
    }

    private static Optional<String> string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || Boolean.TRUE.equals(value.nul()) ? Optional.empty() : Optional.ofNullable(value.s());
    }
}
