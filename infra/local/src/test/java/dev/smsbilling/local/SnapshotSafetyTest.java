package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.http.testing.SnapshotContents;
import dev.smsbilling.http.testing.Snapshots;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every function of template.yaml, built as Lambda builds it and primed as a SnapStart snapshot
 * primes it, holds nothing that must be unique per instance (a random generator, a UUID): what
 * the snapshot freezes is shared by every instance restored from it. Built with Stripe as the
 * processor, whose client is the largest graph, and with an emulator endpoint that nothing
 * answers, since priming must not reach it.
 */
class SnapshotSafetyTest {
    private static final Map<String, String> AS_DEPLOYED_WITH_STRIPE = Map.of(
            "TABLE_NAME", "snapshot-safety",
            "DYNAMODB_ENDPOINT", "http://127.0.0.1:9",
            "PAYMENT_PROCESSOR", "stripe",
            "PAYMENT_SECRET_NAME", "sms-billing/stripe",
            "SECRETS_MANAGER_ENDPOINT", "http://127.0.0.1:9");

    @TestFactory
    Stream<DynamicTest> noFunctionHoldsARandomGeneratorOrAnIdAfterConstructionAndPriming() {
        SamTemplate template = TemplateReader.read(Repository.template());
        assertThat(template.functions()).hasSizeGreaterThanOrEqualTo(6);
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.name(), () -> {
            Object handler = Snapshots.buildWith(AS_DEPLOYED_WITH_STRIPE, () -> {
                try {
                    return HandlerFactory.byClassName().create(function);
                } catch (Exception e) {
                    throw new IllegalStateException(function.name() + " could not be built", e);
                }
            });
            // A step that failed would leave part of what a snapshot holds unbuilt, and unchecked.
            assertThat(Snapshots.take().failures()).as(function.name() + " primed").isEmpty();

            assertThat(SnapshotContents.uniqueValuesReachableFrom(handler)).as(function.name()).isEmpty();
        }));
    }
}
