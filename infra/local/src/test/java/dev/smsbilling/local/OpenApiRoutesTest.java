package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.http.ErrorCode;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/api/openapi.yaml and template.yaml describe the same API: the same routes with the same
 * guards, every error code the code can answer, and money only as 64-bit integers.
 */
class OpenApiRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SamTemplate template = TemplateReader.read(Repository.template());
    private final JsonNode openapi = OpenApiDocument.read();

    @Test
    void everyRouteOfTheTemplateIsDocumentedAndNothingElseIs() {
        Set<String> templateRoutes = template.routes().stream().map(RouteSpec::routeKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(documentRouteKeys(false));

        assertThat(documented).isEqualTo(templateRoutes);
    }

    @Test
    void theOnlyLocalOnlyOperationIsTheScheduleRunAndItIsMarked() {
        assertThat(documentRouteKeys(true)).containsExactly("POST " + Gateway.RUN_SCHEDULE_PATH);
        assertThat(template.routes()).noneMatch(route -> route.path().equals(Gateway.RUN_SCHEDULE_PATH));
    }

    @Test
    void eachOperationIsGuardedAsItsRouteIs() {
        assertThat(openapi.path("security")).as("the API key is the default").hasSize(1);
        assertThat(openapi.path("security").get(0).has("ApiKey")).isTrue();
        for (RouteSpec route : template.routes()) {
            JsonNode operation = openapi.path("paths").path(route.path()).path(route.method().toLowerCase(java.util.Locale.ROOT));
            JsonNode security = operation.has("security") ? operation.get("security") : openapi.get("security");
            String scheme = security.size() == 1 ? security.get(0).fieldNames().next() : "?";
            String expected = route.auth() instanceof RouteAuth.Iam ? "AwsIam" : route.auth() instanceof RouteAuth.Lambda ? "ApiKey" : "none";
            assertThat(scheme).as(route.routeKey()).isEqualTo(expected);
        }
        JsonNode local = openapi.path("paths").path(Gateway.RUN_SCHEDULE_PATH).path("post");
        assertThat(local.path("security").isArray() && local.path("security").isEmpty()).as("local-only route has no auth").isTrue();
    }

    @Test
    void theErrorCodeEnumIsEveryCodeTheFunctionsAndTheLocalGatewayAnswer() {
        Set<String> codes = Stream.concat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code),
                Arrays.stream(GatewayError.values()).map(OpenApiRoutesTest::code)).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        openapi.at("/components/schemas/ErrorCode/enum").forEach(code -> documented.add(code.asText()));

        assertThat(documented).isEqualTo(codes);
    }

    @Test
    void moneyIsAlwaysA64BitIntegerAndNothingIsAFloat() {
        List<String> problems = new ArrayList<>();
        walk(openapi, "", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyJsonResponseNamesItsSchemaAndEveryRefResolves(@TempDir Path workDir) {
        OpenApiDocument document = OpenApiDocument.load(workDir);
        for (String key : document.routeKeys(false)) {
            checkResponses(document, key);
        }
        for (String key : document.routeKeys(true)) {
            checkResponses(document, key);
        }
        List<String> refs = new ArrayList<>();
        collectRefs(openapi, refs);
        assertThat(refs).allSatisfy(ref -> assertThat(openapi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    /** The validation the response test relies on is real: each of these breaks the document. */
    @Test
    void theValidatorRefusesWhatTheDocumentDoesNotAllow(@TempDir Path workDir) throws IOException {
        OpenApiDocument document = OpenApiDocument.load(workDir);
        String rates = "{\"version\": \"v\", \"currency\": \"USD\", \"baseMicros\": 10000, \"rates\": "
                + "[{\"country\": \"GB\", \"destinationRateMicros\": 40000, \"perSegmentMicros\": 50000}]}";
        assertThat(document.validate("Rates", JSON.readTree(rates))).isEmpty();
        assertThat(document.validate("Rates", JSON.readTree(rates.replace("10000,", "10000.5,")))).as("a float").isNotEmpty();
        assertThat(document.validate("Rates", JSON.readTree(rates.replace("\"v\",", "\"v\", \"extra\": 1,")))).as("an unnamed field").isNotEmpty();
        assertThat(document.validate("Rates", JSON.readTree(rates.replace("\"USD\"", "\"EUR\"")))).as("another currency").isNotEmpty();

        String error = "{\"message\": \"m\", \"code\": \"insufficient_funds\", \"status\": 402, \"title\": \"t\", "
                + "\"balanceMicros\": 0, \"costMicros\": 50000}";
        assertThat(document.validate("InsufficientFundsError", JSON.readTree(error))).isEmpty();
        assertThat(document.validate("InsufficientFundsError", JSON.readTree(error.replace(", \"costMicros\": 50000", ""))))
                .as("a missing extra").isNotEmpty();
        assertThat(document.validate("PaymentDeclinedError", JSON.readTree(error))).as("another code").isNotEmpty();
        assertThat(document.validate("Error", JSON.readTree(error.replace("insufficient_funds", "no_such_code")))).as("an unknown code").isNotEmpty();
        assertThat(document.validate("Timestamp", JSON.readTree("\"2026-11-27T10:15:30Z\""))).as("no milliseconds").isNotEmpty();
    }

    @Test
    void theBreakingChangePolicyIsStated() {
        assertThat(openapi.path("openapi").asText()).startsWith("3.1");
        assertThat(openapi.at("/info/description").asText())
                .contains("A change to a path, a field name or an error code is a breaking change");
    }

    private void checkResponses(OpenApiDocument document, String routeKey) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        JsonNode responses = document.operation(method, path).path("responses");
        assertThat(responses.size()).as(routeKey).isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            JsonNode response = document.resolve(it.next().getValue());
            String name = document.jsonSchemaName(response);
            assertThat(openapi.at("/components/schemas/" + name).isMissingNode()).as(routeKey + " " + name).isFalse();
        }
    }

    private Set<String> documentRouteKeys(boolean localOnly) {
        return new TreeSet<>(OpenApiDocument.routeKeys(openapi, localOnly));
    }

    private static String code(GatewayError error) {
        try {
            return JSON.readTree(error.response().bodyText()).path("code").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void walk(JsonNode node, String where, List<String> problems) {
        if (node.isObject()) {
            if ("number".equals(node.path("type").asText())) {
                problems.add(where + ": type number");
            }
            JsonNode properties = node.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                if (property.getKey().endsWith("Micros") && !isInt64(property.getValue())) {
                    problems.add(where + "/properties/" + property.getKey() + ": money must be integer int64");
                }
            }
            node.fields().forEachRemaining(field -> walk(field.getValue(), where + "/" + field.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, problems);
            }
        }
    }

    private static boolean isInt64(JsonNode schema) {
        if ("#/components/schemas/Micros".equals(schema.path("$ref").asText())) {
            return true;
        }
        JsonNode type = schema.path("type");
        boolean integer = type.asText().equals("integer")
                || (type.isArray() && type.toString().contains("\"integer\"") && !type.toString().contains("\"number\""));
        return integer && schema.path("format").asText().equals("int64");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                refs.add(node.get("$ref").asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
