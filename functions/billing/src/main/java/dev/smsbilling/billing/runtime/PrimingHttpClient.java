package dev.smsbilling.billing.runtime;

import dev.smsbilling.http.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The function's HTTP client for AWS, which never sends what priming signs to AWS. A request
 * signed with {@link PrimingCredentials}' made-up key has been marshalled and signed like any
 * other; the real client then sends it to a server on a loopback port of the function's own,
 * which answers as DynamoDB would from a made-up table ({@link PrimingAnswers}), and the answer
 * goes through the SDK's response path: checksum, unmarshalling, the caller's handling of it. So
 * a snapshot holds a warm SDK and a warm JDK HTTP client, and no request has reached a table.
 *
 * <p>While priming runs, a request that is not signed that way is refused, not sent: priming that
 * somehow got real credentials still reaches nothing.
 */
final class PrimingHttpClient implements SdkHttpClient {
    private static final String DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810.";

    private final SdkHttpClient real;

    private PrimingHttpClient(SdkHttpClient real) {
        this.real = Objects.requireNonNull(real, "real");
    }

    /**
     * Wraps what the real builder builds, so that the SDK still gives it the service's defaults
     * (timeouts) as it would the real builder.
     */
    static SdkHttpClient.Builder<?> around(SdkHttpClient.Builder<?> real) {
        return new Builder(real);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        if (signedForPriming(request.httpRequest())) {
            return Answer.sentToLoopback(request, real);
        }
        if (Priming.inProgress()) {
            throw new IllegalStateException("priming sends nothing: a request to " + request.httpRequest().host()
                    + " that is not signed with the priming credentials was refused");
        }
        return real.prepareRequest(request);
    }

    @Override
    public String clientName() {
        return real.clientName(); // the SDK's user agent names the client
    }

    @Override
    public void close() {
        real.close();
    }

    /** By the access key in the signature: the request itself says it is priming's, whatever thread sends it. */
    private static boolean signedForPriming(SdkHttpRequest request) {
        return request.firstMatchingHeader("Authorization")
                .filter(value -> value.contains("Credential=" + PrimingCredentials.ACCESS_KEY_ID + "/"))
                .isPresent();
    }

    /**
     * The made-up answer to one priming request, made when the SDK would have sent it, and sent
     * by the real client to a {@link LoopbackAnswer} instead of AWS: the whole of the real
     * client's path runs, socket and HTTP parsing included, and no byte leaves the function.
     * "Connection: close", so that no idle connection to that port is kept in the snapshot.
     */
    private static final class Answer implements ExecutableHttpRequest {
        private final ExecutableHttpRequest sent;
        private final LoopbackAnswer server;

        private Answer(ExecutableHttpRequest sent, LoopbackAnswer server) {
            this.sent = sent;
            this.server = server;
        }

        static Answer sentToLoopback(HttpExecuteRequest request, SdkHttpClient real) {
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            if (!target.startsWith(DYNAMODB_TARGET_PREFIX)) {
                throw new IllegalStateException("priming answers DynamoDB only, not " + request.httpRequest().host()
                        + " " + target);
            }
            byte[] body = PrimingAnswers.dynamoDb(target.substring(DYNAMODB_TARGET_PREFIX.length()), content(request));
            CRC32 crc = new CRC32();
            crc.update(body);
            // DynamoDB sends the checksum and the SDK checks it: the check is on the path too.
            LoopbackAnswer server = LoopbackAnswer.start("Content-Type: application/x-amz-json-1.0\r\n"
                    + "x-amzn-RequestId: priming\r\nx-amz-crc32: " + crc.getValue() + "\r\n", body);
            SdkHttpRequest local = request.httpRequest().toBuilder()
                    .protocol("http").host("127.0.0.1").port(server.port())
                    .putHeader("Connection", "close")
                    .build();
            HttpExecuteRequest.Builder sent = HttpExecuteRequest.builder().request(local);
            request.contentStreamProvider().ifPresent(sent::contentStreamProvider);
            request.metricCollector().ifPresent(sent::metricCollector);
            return new Answer(real.prepareRequest(sent.build()), server);
        }

        private static byte[] content(HttpExecuteRequest request) {
            Optional<ContentStreamProvider> provider = request.contentStreamProvider();
            if (provider.isEmpty()) {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
            try (InputStream in = provider.get().newStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            try {
                return sent.call();
            } finally {
                server.close();
            }
        }

        @Override
        public void abort() {
            sent.abort();
            server.close();
        }
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        private final SdkHttpClient.Builder<?> real;

        Builder(SdkHttpClient.Builder<?> real) {
            this.real = Objects.requireNonNull(real, "real");
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new PrimingHttpClient(real.buildWithDefaults(serviceDefaults));
        }
    }
}
