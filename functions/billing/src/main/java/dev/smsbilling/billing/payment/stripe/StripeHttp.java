package dev.smsbilling.billing.payment.stripe;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;

/**
 * One exchange with Stripe's API over the JDK's {@link HttpURLConnection}: our key, the pinned
 * API version and the timeouts. It neither retries ({@link StripeTransport} does) nor reads what
 * the body means ({@link StripeJson} does). The JDK client, because the functions carry no HTTP
 * library of their own and the two calls we make need nothing more.
 */
final class StripeHttp {
    /**
     * The API version whose request and response shapes this adapter is written against (the one
     * stripe-java 33.3.0 pinned). Pinned so that a change of the account's default version in
     * Stripe's dashboard cannot change what {@link StripeJson} reads; move it with its tests.
     */
    static final String API_VERSION = "2026-07-29.dahlia";
    static final String USER_AGENT = "sms-billing (prepaid SMS billing; Stripe REST adapter)";

    private final String apiBase;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    StripeHttp(StripeConfig config) {
        this.apiBase = requireHttpBase(config.apiBase());
        this.connectTimeoutMillis = Math.toIntExact(config.connectTimeout().toMillis());
        this.readTimeoutMillis = Math.toIntExact(config.readTimeout().toMillis());
    }

    /**
     * @param secretKey our key, passed per call rather than kept in a request so that no
     *     request's {@code toString} can ever print it
     * @throws IOException when no complete answer arrived: refused, reset, timed out
     */
    StripeResponse exchange(StripeRequest request, String secretKey) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(apiBase + request.path()).openConnection();
        try {
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(request.method());
            connection.setRequestProperty("Authorization", "Bearer " + secretKey);
            connection.setRequestProperty("Stripe-Version", API_VERSION);
            connection.setRequestProperty("User-Agent", USER_AGENT);
            connection.setRequestProperty("Accept", "application/json");
            if (request.idempotencyKey() != null) {
                connection.setRequestProperty("Idempotency-Key", request.idempotencyKey());
            }
            if (request.form() != null) {
                writeForm(connection, request.form());
            }
            int status = connection.getResponseCode();
            String body = readBody(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            return new StripeResponse(status, body,
                    connection.getHeaderField("Request-Id"), connection.getHeaderField("Stripe-Should-Retry"));
        } catch (IOException | RuntimeException e) {
            // A half-read connection must not go back to the keep-alive pool for the next call.
            connection.disconnect();
            throw e;
        }
    }

    /**
     * Buffered, not streamed: in streaming mode the JDK turns a 401 into an HttpRetryException
     * instead of returning it, and the 401's error body is what says our key is wrong. A buffered
     * POST may be resent once by the JDK itself when the connection drops before an answer; it
     * resends the same bytes and headers, Idempotency-Key included, so that is as safe as ours.
     */
    private static void writeForm(HttpURLConnection connection, String form) throws IOException {
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", StripeForm.CONTENT_TYPE);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(form.getBytes(UTF_8));
        }
    }

    /** Read to the end and closed, which hands the connection back for keep-alive. */
    private static String readBody(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    /** A mistyped base fails here, at start-up, rather than as an "unreachable" Stripe on every charge. */
    private static String requireHttpBase(String base) {
        URI uri = URI.create(base);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the Stripe API base must be an http(s) URL: " + base);
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
