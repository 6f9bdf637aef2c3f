package dev.smsbilling.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * One request to the local API as a customer's code makes it: a method and a target (path and
 * query), and only what is set of the API key, the Idempotency-Key and the JSON body. Sent by
 * whoever made it (real HTTP in {@link RealLocalApi}, the fuzzers' wires), so every test of the
 * whole product builds its requests one way. A null key, Idempotency-Key or body is not sent.
 *
 * @param <R> what the sender answers with
 */
public final class ApiCall<R> {
    /** Sends a built call; may fail with the I/O of the way it goes. */
    @FunctionalInterface
    public interface Sender<R> {
        R send(ApiCall<R> call) throws IOException, InterruptedException;
    }

    private final Sender<R> sender;
    private final String method;
    private final String target;
    private String apiKey;
    private String idempotencyKey;
    private String body;

    public ApiCall(String method, String target, Sender<R> sender) {
        this.method = method;
        this.target = target;
        this.sender = sender;
    }

    /** The {@code Authorization} header: an API key (or anything a test wants to try). */
    public ApiCall<R> key(String apiKey) {
        this.apiKey = apiKey;
        return this;
    }

    public ApiCall<R> idempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
        return this;
    }

    public ApiCall<R> body(String json) {
        this.body = json;
        return this;
    }

    public String method() {
        return method;
    }

    /** The path with its query, as requested. */
    public String target() {
        return target;
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** Sends it; a failure to get an answer at all fails the test that asked. */
    public R send() {
        try {
            return sender.send(this);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + method + " " + target + " was on its way", e);
        }
    }
}
