package dev.smsbilling.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: work run once before Lambda snapshots an initialised function, so that the
 * classes and compiled code of a real request are in the snapshot and a restored instance answers
 * its first request about as fast as its second. Without SnapStart no snapshot is taken and the
 * work never runs.
 *
 * <p>Priming must have no effect outside the function: no write, no credentials (they would be
 * frozen into the snapshot), no request a customer could see. Code that would reach outside asks
 * {@link #inProgress()} and stays inside instead (the AWS SDK clients answer their own requests).
 */
public final class Priming {
    /** org.crac holds resources weakly; these must live as long as the function. */
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();
    /**
     * A count, not a flag per thread: a step may hand work to a pool, and that work is priming
     * too. Lambda serves no request while it takes a snapshot, so nothing else runs meanwhile.
     */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final String ABSENT_ACCOUNT = "BA_priming";

    /** What a priming step runs; it may throw, which is logged and never stops the snapshot. */
    public interface Work {
        void run() throws Exception;
    }

    private Priming() {
    }

    /**
     * Whether a priming step is running now, on any thread. What reaches outside the function
     * (a network request, credentials) must not happen then.
     */
    public static boolean inProgress() {
        return RUNNING.get() > 0;
    }

    /**
     * A request of {@code routeKey} ("POST /v1/messages/quote") from an account that does not
     * exist, {@code BA_priming}: for priming the way to a refusal, which writes nothing.
     */
    public static ApiEvent request(String routeKey) {
        return ApiEvent.route(routeKey).account(ABSENT_ACCOUNT);
    }

    /**
     * Registers {@code work} to run before Lambda takes its snapshot. A step that fails is
     * reported on one line of the function's log, {@code priming <name> failed: <exception>}, and
     * the snapshot is taken anyway.
     */
    public static void beforeSnapshot(String name, Work work) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                RUNNING.incrementAndGet();
                try {
                    work.run();
                } catch (Exception | LinkageError e) {
                    // A snapshot without priming is slower to warm, not wrong.
                    // Priming handles no customer input, so its messages can be printed.
                    System.err.println("priming " + name + " failed: " + e);
                } finally {
                    RUNNING.decrementAndGet();
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }
}
