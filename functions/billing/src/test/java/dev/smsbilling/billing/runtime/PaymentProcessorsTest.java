package dev.smsbilling.billing.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.smsbilling.billing.payment.ChargeRequest;
import dev.smsbilling.billing.payment.PaymentNotAttempted;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.payment.stripe.StripePaymentProcessor;
import dev.smsbilling.http.Settings;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PaymentProcessorsTest {
    private static final String KEY = "sk_test_wiremockOnlyNotARealKey";
    private static final Supplier<String> NO_SECRET = () -> {
        throw new AssertionError("the secret is read only for Stripe");
    };

    @RegisterExtension
    static final WireMockExtension stripe = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @Test
    void theSandboxIsTheDefaultAndNeedsNoSecret() {
        assertThat(PaymentProcessors.fromSettings(settings(Map.of()), NO_SECRET)).isInstanceOf(SandboxPaymentProcessor.class);
        assertThat(PaymentProcessors.fromSettings(settings(Map.of("PAYMENT_PROCESSOR", "sandbox")), NO_SECRET))
                .isInstanceOf(SandboxPaymentProcessor.class);
    }

    @Test
    void stripeTakesItsKeyFromStripeSecretKeyForLocalRuns() {
        var settings = settings(Map.of("PAYMENT_PROCESSOR", "stripe", "STRIPE_SECRET_KEY", KEY));

        assertThat(PaymentProcessors.fromSettings(settings)).isInstanceOf(StripePaymentProcessor.class);
    }

    @Test
    void aSecretsManagerLoaderPlugsInAsASupplierAndStripeApiBaseRedirectsTheClient() throws Exception {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"pi_3Qfactory000001\", \"object\": \"payment_intent\", \"amount\": 1000,"
                        + " \"currency\": \"usd\", \"status\": \"succeeded\", \"latest_charge\": \"ch_3Qfactory00001\"}")));
        var settings = settings(Map.of("PAYMENT_PROCESSOR", "Stripe", "STRIPE_API_BASE", stripe.baseUrl()));

        var processor = PaymentProcessors.fromSettings(settings, () -> KEY);
        processor.charge(new ChargeRequest("cus_sandbox_test", "pm_card_visa", 10_000_000, "k-factory", "Prepaid SMS credit"));

        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents")).withHeader("Authorization", equalTo("Bearer " + KEY)));
    }

    @Test
    void stripeWithoutAKeyStillStartsAndEachChargeSaysWhichVariableToSet() {
        var processor = PaymentProcessors.fromSettings(settings(Map.of("PAYMENT_PROCESSOR", "stripe", "STRIPE_API_BASE", stripe.baseUrl())));

        assertThatThrownBy(() -> processor.charge(new ChargeRequest("cus_sandbox_test", "pm_card_visa", 10_000_000, "k-nokey", "Prepaid SMS credit")))
                .isInstanceOf(PaymentNotAttempted.class)
                .hasRootCauseMessage("PAYMENT_PROCESSOR=stripe needs PAYMENT_SECRET_NAME (a Secrets Manager secret) or STRIPE_SECRET_KEY");
        stripe.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownProcessorNamesTheAllowedOnes() {
        assertThatThrownBy(() -> PaymentProcessors.fromSettings(settings(Map.of("PAYMENT_PROCESSOR", "paypal")), NO_SECRET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sandbox or stripe")
                .hasMessageContaining("paypal");
    }

    private static Settings settings(Map<String, String> environment) {
        return new Settings(environment::get, name -> null);
    }
}
