package dev.smsbilling.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.http.Jitter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The checker itself finds what a snapshot would freeze, however deep it is kept. */
class SnapshotContentsTest {

    static final class Client {
        final Map<String, Object> options = new ConcurrentHashMap<>();
        Optional<Object> strategy = Optional.empty();
    }

    static final class Handler {
        final Client client = new Client();
        final List<Object> steps;
        final RandomGenerator jitter = Jitter.instance();

        Handler(Object... steps) {
            this.steps = List.of(steps);
        }
    }

    static final class WithStaticSeed {
        static final Random SEEDED = new Random(42);
    }

    @Test
    void aCleanGraphHasNothingUniqueAndJitterDrawsOnlyWhenAsked() {
        assertThat(SnapshotContents.uniqueValuesReachableFrom(new Handler("a", 1, new long[] {7}))).isEmpty();
    }

    @Test
    void generatorsAndIdsAreFoundInFieldsCollectionsMapsOptionalsAndStatics() {
        Handler handler = new Handler(new Object[] {new SecureRandom()}, new WithStaticSeed());
        handler.client.options.put("retry", new Random());
        handler.client.strategy = Optional.of(RandomGeneratorFactory.of("L64X128MixRandom").create());
        handler.client.options.put("id", UUID.randomUUID());

        assertThat(SnapshotContents.uniqueValuesReachableFrom(handler)).containsExactlyInAnyOrder(
                "Handler.client.options{retry}: java.util.Random",
                "Handler.client.options{id}: java.util.UUID",
                "Handler.client.strategy.get(): jdk.random.L64X128MixRandom",
                "Handler.steps[0][0]: java.security.SecureRandom",
                "WithStaticSeed.SEEDED: java.util.Random");
    }
}
