package dev.smsbilling.authorizer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.http.Jitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Sends one DynamoDB read over the service's JSON protocol, signed with Signature Version 4 by
 * the SDK's own signer. The authorizer makes one GetItem per uncached key, and the DynamoDB
 * client would cost it about half a second of every cold start (its endpoint rules, marshallers
 * and interceptors: some 800 classes) for that one call.
 *
 * <p>Retries what DynamoDB asks to retry (throttling, a 5xx) and a failed connection, with
 * jittered backoff; only reads come through here, and a read is safe to repeat.
 */
final class SignedDynamoDb {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final int MAX_ATTEMPTS = 3;
    private static final int BASE_BACKOFF_MS = 25;
    /** Well inside the function's 5 s timeout, three attempts included. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int READ_TIMEOUT_MS = 1_000;
    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded");
    private static final JsonFactory JSON = new JsonFactory();

    private final AwsAccess aws;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedDynamoDb(AwsAccess aws) {
        this.aws = aws;
        this.endpoint = aws.dynamoDbUri();
    }

    /** The response body of {@code operation}; throws once DynamoDB refuses or stays unreachable. */
    byte[] call(String operation, byte[] body) throws IOException {
        for (int attempt = 1; ; attempt++) {
            IOException failure;
            try {
                return send(operation, body);
            } catch (DynamoDbFailure e) {
                if (!e.retryable()) {
                    throw e;
                }
                failure = e;
            } catch (IOException e) { // refused, reset or timed out
                failure = e;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw failure;
            }
            pause(attempt);
        }
    }

    /**
     * Signs a request without sending it, with made-up credentials: SnapStart priming, so the
     * signer and its cryptography are warm in the snapshot while real credentials are not in it.
     */
    void prime(String operation, byte[] body) {
        sign(operation, body, AwsCredentialsIdentity.create("priming", "priming"));
    }

    private SignedRequest sign(String operation, byte[] body, AwsCredentialsIdentity identity) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", JSON_1_0)
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        return signer.sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, aws.region()));
    }

    private byte[] send(String operation, byte[] body) throws IOException {
        SignedRequest signed = sign(operation, body, aws.credentials().resolveCredentials());

        HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            // Host is set by the connection itself, exactly as the signer saw it (host:port).
            signed.request().forEachHeader((name, values) -> {
                if (!name.equalsIgnoreCase("Host")) {
                    values.forEach(value -> connection.addRequestProperty(name, value));
                }
            });
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                // Read to the end and closed: the connection stays open for the next lookup
                // (no second TLS handshake while the instance is warm).
                try (InputStream in = connection.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            throw failure(status, connection.getErrorStream());
        } catch (IOException | RuntimeException e) {
            // A connection in an unknown state must not be kept for the next lookup.
            connection.disconnect();
            throw e;
        }
    }

    /** Names DynamoDB's error type (never the request, which carries a key's hash). */
    private static DynamoDbFailure failure(int status, InputStream errorBody) throws IOException {
        String type = errorBody == null ? "" : errorType(errorBody);
        boolean retryable = status >= 500 || THROTTLING.contains(type);
        return new DynamoDbFailure("DynamoDB answered " + status + (type.isEmpty() ? "" : " " + type), retryable);
    }

    /** "com.amazonaws.dynamodb.v20120810#ThrottlingException" → "ThrottlingException". */
    private static String errorType(InputStream errorBody) throws IOException {
        try (InputStream in = errorBody; JsonParser json = JSON.createParser(in)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("__type") && json.currentToken() == JsonToken.VALUE_STRING) {
                    String type = json.getText();
                    return type.substring(type.lastIndexOf('#') + 1);
                }
                json.skipChildren();
            }
            return "";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }

    private static void pause(int attempt) throws IOException {
        long ceiling = (long) BASE_BACKOFF_MS << attempt;
        try {
            Thread.sleep(ceiling / 2 + Jitter.upTo(ceiling - ceiling / 2)); // Jitter: snapshot-safe randomness
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry DynamoDB", e);
        }
    }
}
