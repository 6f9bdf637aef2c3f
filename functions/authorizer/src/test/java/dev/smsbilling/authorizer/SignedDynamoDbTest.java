package dev.smsbilling.authorizer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.smsbilling.aws.AwsAccess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The authorizer's own DynamoDB request, on the wire: what it signs, what it retries, what it gives up on. */
class SignedDynamoDbTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final byte[] BODY = "{\"TableName\":\"billing\"}".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final WireMockExtension dynamo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final SignedDynamoDb client = new SignedDynamoDb(new AwsAccess("eu-west-1",
            Optional.of(URI.create(dynamo.baseUrl() + "/")), Optional.empty(),
            StaticCredentialsProvider.create(AwsSessionCredentials.create("AKIDEXAMPLE", SECRET, "session-token"))));

    @Test
    void theRequestIsDynamoDbsJsonProtocolWithAValidSignatureV4() throws Exception {
        dynamo.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(client.call("GetItem", BODY)).asString(StandardCharsets.UTF_8).isEqualTo("{}");

        LoggedRequest sent = only(dynamo.findAll(anyRequestedFor(anyUrl())));
        assertThat(sent.getHeader("X-Amz-Target")).isEqualTo("DynamoDB_20120810.GetItem");
        assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(sent.getHeader("X-Amz-Security-Token")).isEqualTo("session-token");
        assertThat(sent.getBody()).isEqualTo(BODY);
        Matcher authorization = Pattern.compile(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(\\d{8})/eu-west-1/dynamodb/aws4_request, "
                        + "SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})").matcher(sent.getHeader("Authorization"));
        assertThat(authorization.matches()).as(sent.getHeader("Authorization")).isTrue();
        assertThat(authorization.group(2).split(";")).contains("host", "x-amz-date", "x-amz-target", "content-type");
        assertThat(authorization.group(3))
                .as("the signature AWS would compute for the request as received")
                .isEqualTo(expectedSignature(sent, authorization.group(1), authorization.group(2)));
    }

    @Test
    void throttlingIsRetriedUntilDynamoDbAnswers() throws Exception {
        String scenario = "throttled";
        dynamo.stubFor(post(anyUrl()).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "ProvisionedThroughputExceededException")).willSetStateTo("again"));
        dynamo.stubFor(post(anyUrl()).inScenario(scenario).whenScenarioStateIs("again")
                .willReturn(error(500, "InternalServerError")).willSetStateTo("answers"));
        dynamo.stubFor(post(anyUrl()).inScenario(scenario).whenScenarioStateIs("answers")
                .willReturn(aResponse().withStatus(200).withBody("{\"Item\":{}}")));

        assertThat(client.call("GetItem", BODY)).asString(StandardCharsets.UTF_8).isEqualTo("{\"Item\":{}}");
        assertThat(dynamo.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void aLastingOutageFailsAfterThreeAttempts() {
        dynamo.stubFor(post(anyUrl()).willReturn(error(503, "ServiceUnavailable")));

        assertThatThrownBy(() -> client.call("GetItem", BODY))
                .isInstanceOf(DynamoDbFailure.class).hasMessage("DynamoDB answered 503 ServiceUnavailable");
        assertThat(dynamo.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        dynamo.stubFor(post(anyUrl()).willReturn(error(400, "AccessDeniedException")));

        assertThatThrownBy(() -> client.call("GetItem", BODY))
                .isInstanceOf(DynamoDbFailure.class).hasMessage("DynamoDB answered 400 AccessDeniedException");
        assertThat(dynamo.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void anUnreadableErrorStillFailsCleanly() {
        dynamo.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("<html>no</html>")));

        assertThatThrownBy(() -> client.call("GetItem", BODY)).isInstanceOf(DynamoDbFailure.class).hasMessage("DynamoDB answered 400");
    }

    @Test
    void anUnreachableEndpointFailsAfterThreeAttempts() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SignedDynamoDb nowhere = new SignedDynamoDb(AwsAccess.emulator(URI.create("http://127.0.0.1:" + closedPort + "/")));

        assertThatThrownBy(() -> nowhere.call("GetItem", BODY)).isInstanceOf(ConnectException.class);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"no\"}");
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Signature Version 4 computed from the AWS documentation's steps, independently of the SDK's signer. */
    private static String expectedSignature(LoggedRequest sent, String date, String signedHeaders) throws Exception {
        Map<String, String> canonical = new TreeMap<>();
        for (String name : signedHeaders.split(";")) {
            canonical.put(name, sent.getHeader(name).trim());
        }
        StringBuilder headers = new StringBuilder();
        canonical.forEach((name, value) -> headers.append(name).append(':').append(value).append('\n'));
        String canonicalRequest = "POST\n/\n\n" + headers + "\n" + signedHeaders + "\n" + hex(sha256(sent.getBody()));
        String scope = date + "/eu-west-1/dynamodb/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + sent.getHeader("X-Amz-Date") + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(date, "eu-west-1", "dynamodb", "aws4_request")) {
            key = hmac(key, part);
        }
        return hex(hmac(key, stringToSign));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
