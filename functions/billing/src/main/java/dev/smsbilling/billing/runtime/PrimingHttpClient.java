package dev.smsbilling.billing.runtime;

import dev.smsbilling.http.Priming;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The function's HTTP client for AWS, which never sends what priming signs. A request signed with
 * {@link PrimingCredentials}' made-up key has been marshalled and signed like any other, and the
 * real client prepares it as well (no connection is opened before a request is sent); then, in
 * place of sending it, DynamoDB's answer is made up here ({@link PrimingAnswers}) and goes through
 * the SDK's response path: checksum, unmarshalling, the caller's handling of it. So a snapshot
 * holds a warm SDK and no request has reached a table.
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
            real.prepareRequest(request).abort();
            return new Answer(request);
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
    static boolean signedForPriming(SdkHttpRequest request) {
        return request.firstMatchingHeader("Authorization")
                .filter(value -> value.contains("Credential=" + PrimingCredentials.ACCESS_KEY_ID + "/"))
                .isPresent();
    }

    /** The made-up answer to one priming request, built when the SDK would have sent it. */
    private static final class Answer implements ExecutableHttpRequest {
        private final HttpExecuteRequest request;

        Answer(HttpExecuteRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            if (!target.startsWith(DYNAMODB_TARGET_PREFIX)) {
                throw new IllegalStateException("priming answers DynamoDB only, not " + request.httpRequest().host()
                        + " " + target);
            }
            byte[] body = PrimingAnswers.dynamoDb(target.substring(DYNAMODB_TARGET_PREFIX.length()), content());
            CRC32 crc = new CRC32();
            crc.update(body);
            SdkHttpFullResponse response = SdkHttpFullResponse.builder()
                    .statusCode(200)
                    .statusText("OK")
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("Content-Length", Integer.toString(body.length))
                    .putHeader("x-amzn-RequestId", "priming")
                    // DynamoDB sends it and the SDK checks it: the check is on the path too.
                    .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
                    .build();
            return HttpExecuteResponse.builder()
                    .response(response)
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                    .build();
        }

        private byte[] content() throws IOException {
            Optional<ContentStreamProvider> provider = request.contentStreamProvider();
            if (provider.isEmpty()) {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
            try (InputStream in = provider.get().newStream()) {
                return in.readAllBytes();
            }
        }

        @Override
        public void abort() {
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
