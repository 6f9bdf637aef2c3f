package dev.smsbilling.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * The base of every HTTP function: event in, response out, errors as the contract's envelope.
 *
 * <p>A stream handler rather than a POJO one: parsing the event ourselves skips the runtime's
 * reflective serialisation, which is slow on a cold start. Subclasses implement only
 * {@link #handle}; they signal expected failures with {@link ApiException}. Anything else
 * thrown, errors included, becomes a 500 whose body says nothing about the cause.
 *
 * <p>Every {@code /v1} route answers 401 here, before the subclass runs, when the authorizer
 * resolved no account: the authorizer lets unknown keys through without one (so that the 401
 * can carry the contract's envelope), and a route that forgot {@code requireAccountId} must
 * not become public because of that.
 */
public abstract class HttpFunction implements RequestStreamHandler {
    /** Set on a replayed idempotent answer; the telemetry tells a replay from a first answer by it. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Worked out once, before a snapshot: it names the function's metrics on every line. */
    private final String service = Telemetry.serviceOf(getClass());

    protected abstract ApiResponse handle(ApiRequest request, Context context);

    /**
     * The contract's answer to a failure that the function's own layers raise and know the
     * meaning of (the store's "too busy, nothing written"); null leaves it an unexpected 500.
     */
    protected ApiException asApiError(RuntimeException failure) {
        return null;
    }

    /**
     * Answers this payload-2.0 event once before a SnapStart snapshot ({@link Priming}), the
     * answer thrown away, and checks that it got {@code expectedStatus}: a priming request that
     * ends elsewhere than planned (a 500, or a write it was meant to stop short of) must be seen.
     * Only for requests with no effect outside the function.
     */
    protected final void primeBeforeSnapshot(int expectedStatus, Supplier<ApiEvent> event) {
        // Built when the step runs, not here: a constructor runs on every cold start, snapshot or not.
        Priming.beforeSnapshot(getClass().getSimpleName(), () -> {
            int status = respond(new ByteArrayInputStream(event.get().bytes()), OutputStream.nullOutputStream(), null);
            if (status != expectedStatus) {
                throw new IllegalStateException("a priming request was answered " + status + ", not " + expectedStatus);
            }
        });
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        respond(input, output, context);
    }

    private int respond(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        // Priming has no context: its requests are not a customer's and publish nothing.
        Telemetry telemetry = Telemetry.begin(service, context);
        ApiResponse answer;
        try {
            ApiRequest request = EventParser.read(input).toRequest();
            // The route key is the template's ("POST /v1/messages"), never the path a client typed.
            telemetry.field("route", request.routeKey()).field("accountId", request.accountId());
            if (isPublicApiRoute(request)) {
                request.requireAccountId();
            }
            answer = handle(request, context);
            if (answer == null) {
                throw new IllegalStateException("handler returned no response");
            }
            telemetry.field("code", answer.headers().containsKey(REPLAYED_HEADER) ? "replayed" : "ok");
        } catch (RuntimeException e) {
            ApiException refusal = e instanceof ApiException known ? known : asApiError(e);
            answer = refusal == null ? internalError(telemetry, e) : refused(telemetry, refusal);
        } catch (Throwable t) {
            answer = internalError(telemetry, t);
        }
        byte[] response;
        try {
            response = serialise(answer);
        } catch (RuntimeException | IOException e) {
            // A response that cannot be written still turns into a proper 500, not a half-written stream.
            answer = internalError(telemetry, e);
            response = serialise(answer);
        }
        int status = answer.status();
        output.write(response);
        output.flush();
        telemetry.field("status", status).add(Metric.LATENCY, (System.nanoTime() - started) / 1_000_000).end();
        return status;
    }

    private static ApiResponse refused(Telemetry telemetry, ApiException refusal) {
        telemetry.refused(refusal.code().code());
        return ErrorEnvelope.toResponse(refusal);
    }

    /** Counted where an alarm sees it: Lambda's own Errors metric never counts an answered 500. */
    private static ApiResponse internalError(Telemetry telemetry, Throwable failure) {
        telemetry.field("code", ErrorCode.INTERNAL_ERROR.code()).add(Metric.SERVER_ERRORS).failed(failure);
        return ErrorEnvelope.internalError();
    }

    /** By route key and raw path both, so neither a {@code $default} route nor a stage prefix hides a /v1 path. */
    static boolean isPublicApiRoute(ApiRequest request) {
        String routeKey = request.routeKey();
        String routePath = routeKey == null ? "" : routeKey.substring(routeKey.indexOf(' ') + 1);
        return isV1(routePath) || isV1(request.rawPath());
    }

    private static boolean isV1(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    private static byte[] serialise(ApiResponse response) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + response.body().length());
        response.writeTo(bytes);
        return bytes.toByteArray();
    }
}
