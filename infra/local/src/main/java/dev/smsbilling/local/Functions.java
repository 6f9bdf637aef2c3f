package dev.smsbilling.local;

import dev.smsbilling.template.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The template's functions, each with its warm instance, and the threads their invocations run on. */
final class Functions implements AutoCloseable {
    private final Map<String, WarmFunction> byName = new LinkedHashMap<>();
    private final ExecutorService invocations;

    Functions(List<FunctionSpec> specs, HandlerFactory factory) {
        AtomicInteger count = new AtomicInteger();
        // Invocations leave the request thread so that a function's Timeout can be enforced.
        this.invocations = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        specs.forEach(spec -> byName.put(spec.name(), new WarmFunction(spec, factory, invocations)));
    }

    WarmFunction get(FunctionSpec spec) {
        WarmFunction function = byName.get(spec.name());
        if (function == null) {
            throw new IllegalArgumentException("not a function of the template: " + spec.name());
        }
        return function;
    }

    List<WarmFunction> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() {
        invocations.shutdownNow();
    }
}
