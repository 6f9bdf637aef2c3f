package dev.smsbilling.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.auth.ApiKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The HTTP API's Lambda authorizer (REQUEST type, payload format 2.0, simple responses): maps the
 * API key in {@code Authorization: <key>} or {@code Authorization: Bearer <key>} to its account.
 *
 * <p><b>It never denies.</b> An HTTP API cannot shape an authorizer's denial (it answers a bare
 * 403 {@code {"message":"Forbidden"}}), but the contract wants a 401 {@code unauthorized} in the
 * error envelope. So a known key answers {@code {"isAuthorized": true, "context": {"accountId":
 * "BA..."}}}, and an unknown, revoked or malformed key answers {@code {"isAuthorized": true,
 * "context": {}}}: the request reaches its function with no account, and {@code HttpFunction}
 * answers 401 in the envelope for every {@code /v1} route that has none. A function that is not
 * an {@code HttpFunction} must therefore never sit behind this authorizer.
 *
 * <p>Two consequences of API Gateway's behaviour, accepted for now: a request without any
 * Authorization header is refused by API Gateway itself (401 {@code {"message":"Unauthorized"}})
 * because the header is the identity source, and answers are cached per key for the
 * template's {@code ReauthorizeEvery}, so a revoked key keeps working until its entry expires.
 *
 * <p>The key is hashed at once and never logged or kept. A failed lookup throws, which API
 * Gateway turns into a 500: failing closed, never guessing an account. The lookup is a signed
 * HTTP request rather than the DynamoDB client ({@link SignedDynamoDb} says why).
 */
public final class AuthorizerHandler implements RequestStreamHandler {
    // The runtime owns the output stream; closing it is not ours to do.
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final ApiKeyTable keys;

    public AuthorizerHandler() {
        this(Settings.fromEnvironment());
        Priming.beforeSnapshot("authorizer", this::prime);
    }

    private AuthorizerHandler(Settings settings) {
        this(AwsAccess.fromSettings(settings), settings.tableName());
    }

    /** Looks keys up in {@code tableName}, reached as {@code aws} says (the local API and tests name theirs). */
    public AuthorizerHandler(AwsAccess aws, String tableName) {
        this.keys = new ApiKeyTable(new SignedDynamoDb(aws), tableName);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<String> key = ApiKeyCredential.fromHeader(AuthorizerEvent.authorization(input));
        Optional<String> accountId = key.isPresent() ? keys.accountFor(ApiKeys.hash(key.get())) : Optional.empty();
        writeSimpleResponse(accountId, output);
    }

    /** Everything a request does but the lookup's round trip, on a made-up key. */
    private void prime() throws IOException {
        String event = "{\"headers\": {\"authorization\": \"Bearer key_priming\"}}";
        Optional<String> key = ApiKeyCredential.fromHeader(AuthorizerEvent.authorization(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8))));
        keys.prime(ApiKeys.hash(key.orElseThrow()));
        writeSimpleResponse(Optional.of("BA_priming"), OutputStream.nullOutputStream());
    }

    private static void writeSimpleResponse(Optional<String> accountId, OutputStream output) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(output, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeBooleanField("isAuthorized", true);
            g.writeObjectFieldStart("context");
            if (accountId.isPresent()) {
                g.writeStringField("accountId", accountId.get());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
