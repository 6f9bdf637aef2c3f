package dev.smsbilling.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.smsbilling.template.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function with its handler instance, constructed on first use and reused afterwards, like
 * a warm Lambda. Unlike Lambda, which gives each concurrent request its own instance, the one
 * instance serves concurrent requests: handlers must be stateless after construction (they
 * are, since clients are built in the constructor and are thread-safe).
 */
final class WarmFunction {
    private final FunctionSpec spec;
    private final HandlerFactory factory;
    private final ExecutorService invocations;
    private RequestStreamHandler instance; // guarded by this

    WarmFunction(FunctionSpec spec, HandlerFactory factory, ExecutorService invocations) {
        this.spec = spec;
        this.factory = factory;
        this.invocations = invocations;
    }

    FunctionSpec spec() {
        return spec;
    }

    /**
     * The instance, constructed now if need be. A failed construction is not remembered: Lambda
     * also retries the init of a function whose init failed.
     */
    synchronized RequestStreamHandler instance() throws InvocationFailed {
        if (instance == null) {
            try {
                instance = factory.create(spec);
            } catch (Exception | LinkageError e) {
                throw new InvocationFailed(spec.name() + " could not be constructed: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    /** Calls the handler with the event bytes and returns what it wrote, within the function's Timeout. */
    byte[] invoke(byte[] event) throws InvocationFailed {
        RequestStreamHandler handler = instance();
        Future<byte[]> run = invocations.submit(() -> {
            var out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(spec));
            return out.toByteArray();
        });
        try {
            return run.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new InvocationFailed(spec.name() + " timed out after " + spec.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            // The class only: an exception's message can quote the request, which stays out of logs.
            throw new InvocationFailed(spec.name() + " threw " + e.getCause().getClass().getName(), e.getCause());
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvocationFailed(spec.name() + " was interrupted");
        }
    }
}
