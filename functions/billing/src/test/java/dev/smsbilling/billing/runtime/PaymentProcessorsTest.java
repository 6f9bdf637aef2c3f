package dev.smsbilling.billing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smsbilling.billing.payment.SandboxPaymentProcessor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentProcessorsTest {

    @Test
    void theSandboxIsTheDefaultAndCanBeNamed() {
        assertThat(PaymentProcessors.create(new Settings(name -> null, name -> null))).isInstanceOf(SandboxPaymentProcessor.class);
        assertThat(PaymentProcessors.create(new Settings(Map.of("PAYMENT_PROCESSOR", "sandbox")::get, name -> null)))
                .isInstanceOf(SandboxPaymentProcessor.class);
    }

    @Test
    void aProcessorThatIsNotBuiltFailsAtStartUp() {
        assertThatThrownBy(() -> PaymentProcessors.create(new Settings(Map.of("PAYMENT_PROCESSOR", "stripe")::get, name -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stripe");
    }
}
