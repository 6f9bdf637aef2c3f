package dev.smsbilling.http;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * The randomness of retry back-offs, safe under SnapStart. Every restored instance starts from
 * the same snapshot, so a {@code java.util.Random} made before it (or the main thread's
 * ThreadLocalRandom seed, which the JDK itself may draw before it) gives every instance the same
 * "random" pauses, and instances that failed together retry together. This holds no state: the
 * draws come from a SecureRandom made on first use, which Lambda lists among the generators that
 * stay unique after a restore, and a back-off is first needed by a request, after the restore.
 */
public final class Jitter implements RandomGenerator {
    private static final Jitter INSTANCE = new Jitter();

    private Jitter() {
    }

    public static Jitter instance() {
        return INSTANCE;
    }

    /** A uniformly random pause length from 0 to {@code maxMillis}, both included. */
    public static long upTo(long maxMillis) {
        return INSTANCE.nextLong(maxMillis + 1);
    }

    @Override
    public long nextLong() {
        return Source.RANDOM.nextLong();
    }

    /** The holder idiom: the class, and its SecureRandom, are initialised when first drawn from. */
    private static final class Source {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
