package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code sam deploy} would create, read from template.yaml as SAM transforms it
 * ({@link TransformedTemplate}): the things a reviewer would otherwise check by hand in the
 * generated CloudFormation. Least privilege is checked against the code's own calls in
 * {@code LeastPrivilegeTest} (infra/system-tests), on the same transformed roles.
 */
@RealDynamoDb
class TransformedTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAMESPACE = "SmsBilling/${AWS::StackName}";
    /** How an integration or authorizer URI names the function it invokes: ${<Function>Aliaslive}. */
    private static final Pattern INVOKED = Pattern.compile("/functions/\\$\\{([A-Za-z0-9]+)}/invocations");

    private final TransformedTemplate cfn = TransformedTemplate.ofRepository();
    private final SamTemplate sam = TemplateReader.read(Repository.template());
    /** template.yaml itself, for what SAM replaces in the transform (the CodeUri zips). */
    private final JsonNode cfnSam = TestTemplates.projectYaml().path("Resources");

    @Test
    void everyRouteOfTheTemplateInvokesItsFunctionsLiveAlias() {
        Map<String, String> invoked = new TreeMap<>();
        cfn.resource("Api").path("Properties").path("Body").path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(method -> invoked.put(
                        method.getKey().toUpperCase() + " " + path.getKey(),
                        invokedBy(method.getValue().path("x-amazon-apigateway-integration").path("uri")))));

        Map<String, String> expected = new TreeMap<>();
        sam.routes().forEach(route -> expected.put(route.routeKey(), route.function().name() + "Aliaslive"));
        assertThat(invoked).isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void theAuthorizerIsTheLiveAliasOfTheAuthorizerFunction() {
        JsonNode scheme = cfn.resource("Api").path("Properties").path("Body").path("components")
                .path("securitySchemes").path("ApiKeyAuthorizer").path("x-amazon-apigateway-authorizer");
        JsonNode uri = scheme.path("authorizerUri").path("Fn::Sub");

        assertThat(uri.path(1).path("__FunctionArn__")).as("the authorizer's ARN").hasToString("{\"Ref\":\"AuthorizerFunctionAliaslive\"}");
        assertThat(scheme.path("identitySource").toString()).isEqualTo("[\"$request.header.Authorization\"]");
        assertThat(scheme.path("enableSimpleResponses").asBoolean()).isTrue();
    }

    @Test
    void theInternalRoutesAreSignedWithIamAndTheRestCarryTheKeyAuthorizer() {
        Map<String, String> security = new TreeMap<>();
        cfn.resource("Api").path("Properties").path("Body").path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(method -> security.put(
                        method.getKey().toUpperCase() + " " + path.getKey(),
                        method.getValue().path("security").path(0).fieldNames().next())));

        security.forEach((route, scheme) -> assertThat(scheme).as(route)
                .isEqualTo(route.contains(" /internal/") ? "AWS_IAM" : "ApiKeyAuthorizer"));
        assertThat(cfn.resource("Api").path("Properties").path("Body").path("components").path("securitySchemes")
                .path("AWS_IAM").path("x-amazon-apigateway-authtype").asText()).isEqualTo("awsSigv4");
    }

    @Test
    void everyInvokePermissionIsForALiveAliasAndScopedToItsSource() {
        List<String> permissions = cfn.ofType("AWS::Lambda::Permission");
        assertThat(permissions).hasSizeGreaterThanOrEqualTo(11);
        for (String id : permissions) {
            JsonNode properties = cfn.resource(id).path("Properties");
            assertThat(properties.path("FunctionName").path("Ref").asText()).as(id).endsWith("Aliaslive");
            assertThat(properties.path("SourceArn").isMissingNode()).as(id + " names the API or rule that may invoke").isFalse();
        }
    }

    @Test
    void everyFunctionPublishesAVersionWithSnapStartBehindTheLiveAlias() {
        List<String> functions = cfn.ofType("AWS::Lambda::Function");
        assertThat(functions).hasSize(sam.functions().size());
        for (String function : functions) {
            JsonNode alias = cfn.resource(function + "Aliaslive").path("Properties");
            assertThat(alias.path("Name").asText()).isEqualTo("live");
            assertThat(alias.path("FunctionName").path("Ref").asText()).isEqualTo(function);
            String version = alias.path("FunctionVersion").path("Fn::GetAtt").path(0).asText();
            assertThat(cfn.resource(version).path("Type").asText()).isEqualTo("AWS::Lambda::Version");
            assertThat(cfn.resource(function).path("Properties").path("SnapStart").path("ApplyOn").asText())
                    .as(function).isEqualTo("PublishedVersions");
        }
    }

    @Test
    void theScheduleInvokesTheLiveAliasOnceWithoutRetriesAndKeepsWhatFailedInTheDeadLetterQueue() {
        String rule = cfn.ofType("AWS::Events::Rule").get(0);
        JsonNode target = cfn.resource(rule).path("Properties").path("Targets").path(0);
        assertThat(cfn.resource(rule).path("Properties").path("ScheduleExpression").asText()).isEqualTo("rate(1 minute)");
        assertThat(target.path("Arn").path("Ref").asText()).isEqualTo("AutoChargeFunctionAliaslive");
        assertThat(target.path("RetryPolicy").path("MaximumRetryAttempts").asInt(-1)).isZero();
        assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(60);
        assertThat(target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText())
                .isEqualTo("AutoChargeDeadLetterQueue");

        // Lambda's own asynchronous retries of the alias, and where a failed run goes.
        JsonNode invokeConfig = cfn.resource(cfn.ofType("AWS::Lambda::EventInvokeConfig").get(0)).path("Properties");
        assertThat(invokeConfig.path("Qualifier").asText()).isEqualTo("live");
        assertThat(invokeConfig.path("MaximumRetryAttempts").asInt(-1)).isZero();
        assertThat(cfn.resource("AutoChargeFunction").path("Properties").path("DeadLetterConfig").path("TargetArn")
                .path("Fn::GetAtt").path(0).asText()).isEqualTo("AutoChargeDeadLetterQueue");

        // Only that rule may drop events into the queue.
        JsonNode statement = cfn.resource("AutoChargeDeadLetterQueuePolicy").path("Properties").path("PolicyDocument")
                .path("Statement").path(0);
        assertThat(statement.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
        assertThat(statement.path("Condition").path("ArnEquals").path("aws:SourceArn").path("Fn::GetAtt").path(0).asText())
                .isEqualTo(rule);
    }

    @Test
    void theTableKeepsItsKeysIndexTtlAndBackupsAndOutlivesTheStack() {
        JsonNode table = cfn.resource("BillingTable");
        JsonNode properties = table.path("Properties");

        assertThat(table.path("DeletionPolicy").asText()).isEqualTo("Retain");
        assertThat(table.path("UpdateReplacePolicy").asText()).isEqualTo("Retain");
        assertThat(properties.path("DeletionProtectionEnabled").asBoolean()).isTrue();
        assertThat(properties.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(properties.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(keys(properties.path("KeySchema"))).containsExactly("pk HASH", "sk RANGE");
        JsonNode due = properties.path("GlobalSecondaryIndexes").path(0);
        assertThat(due.path("IndexName").asText()).isEqualTo("auto-charge-due");
        assertThat(keys(due.path("KeySchema"))).containsExactly("dueBucket HASH", "dueSince RANGE");
        JsonNode unsettled = properties.path("GlobalSecondaryIndexes").path(1);
        assertThat(unsettled.path("IndexName").asText()).isEqualTo("unsettled-top-ups");
        assertThat(keys(unsettled.path("KeySchema"))).containsExactly("unsettledBucket HASH", "chargeStartedAt RANGE");
        assertThat(properties.path("GlobalSecondaryIndexes")).allSatisfy(index ->
                assertThat(index.path("Projection").path("ProjectionType").asText()).as("sparse and small").isEqualTo("KEYS_ONLY"));
        TreeSet<String> types = new TreeSet<>();
        properties.path("AttributeDefinitions").forEach(a -> types.add(a.path("AttributeName").asText() + " " + a.path("AttributeType").asText()));
        assertThat(types).containsExactly("chargeStartedAt S", "dueBucket S", "dueSince S", "pk S", "sk S", "unsettledBucket S");
        assertThat(properties.path("TimeToLiveSpecification").path("Enabled").asBoolean()).isTrue();
    }

    /** The TTL attribute is the one the store really stamps on idempotency records: expired records vanish. */
    @Test
    void theTablesTtlAttributeIsWhereTheStoreStampsAnIdempotencyRecordsExpiry(TestTable table) throws Exception {
        String ttl = cfn.resource("BillingTable").path("Properties").path("TimeToLiveSpecification").path("AttributeName").asText();
        try (RealLocalApi api = RealLocalApi.start(table)) {
            String key = JSON.readTree(api.call("POST", "/internal/accounts")
                    .body("{\"subscription\": \"active\"}").send().body())
                    .path("data").path("apiKey").asText();
            long before = Instant.now().getEpochSecond();
            assertThat(api.call("POST", "/v1/billing/funds").key(key).idempotencyKey("ttl-1")
                    .body("{\"amountMicros\": 5000000, \"paymentMethod\": \"pm_card_visa\"}")
                    .send().statusCode()).isEqualTo(201);

            List<Map<String, AttributeValue>> records = table.client().scan(b -> b.tableName(table.name())).items().stream()
                    .filter(item -> item.get("sk").s().startsWith("IDEMPOTENCY#")).toList();
            assertThat(records).hasSize(1);
            long expiresAt = Long.parseLong(records.get(0).get(ttl).n());
            assertThat(expiresAt).isBetween(before + Duration.ofHours(24).toSeconds() - 60, before + Duration.ofHours(24).toSeconds() + 60);
        }
    }

    /**
     * The functions whose code can read Secrets Manager are the ones whose zip carries its SDK
     * client; with Stripe as the processor exactly those may read exactly the named secret, and
     * with the sandbox nothing may read any secret.
     */
    @Test
    void onlyTheFunctionsThatChargeCardsMayReadTheStripeSecretAndOnlyWhenStripeCharges() throws Exception {
        TransformedTemplate stripe = TransformedTemplate.ofRepository("PaymentProcessor=stripe", "PaymentSecretName=live/stripe");
        Set<String> carryTheClient = new TreeSet<>();
        for (FunctionSpec function : sam.functions()) {
            Path zip = Repository.root().resolve(cfnSam.path(function.name()).path("Properties").path("CodeUri").asText());
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                if (archive.stream().anyMatch(e -> e.getName().matches("lib/secretsmanager-.*\\.jar"))) {
                    carryTheClient.add(function.name());
                }
            }
        }
        assertThat(carryTheClient).containsExactly("AddFundsFunction", "AutoChargeFunction");

        for (FunctionSpec function : sam.functions()) {
            List<String> withStripe = secretGrants(stripe, function.name());
            if (carryTheClient.contains(function.name())) {
                assertThat(withStripe).as(function.name()).containsExactly(
                        "secretsmanager:GetSecretValue on arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${PaymentSecretName}-??????");
                assertThat(stripe.resource(function.name()).path("Properties").path("Environment").path("Variables")
                        .path("PAYMENT_SECRET_NAME").path("Ref").asText()).isEqualTo("PaymentSecretName");
            } else {
                assertThat(withStripe).as(function.name()).isEmpty();
            }
            assertThat(secretGrants(cfn, function.name())).as(function.name() + " with the sandbox").isEmpty();
        }
    }

    private static List<String> secretGrants(TransformedTemplate template, String function) {
        List<String> grants = new ArrayList<>();
        for (JsonNode statement : template.allowStatementsOf(function)) {
            for (JsonNode action : TransformedTemplate.asList(statement.path("Action"))) {
                if (action.asText().startsWith("secretsmanager:")) {
                    TransformedTemplate.asList(statement.path("Resource")).forEach(resource ->
                            grants.add(action.asText() + " on " + resource.path("Fn::Sub").asText(resource.toString())));
                }
            }
        }
        return grants;
    }

    @Test
    void everyFunctionLogsJsonToALogGroupThatKeepsItsLogsForTheRetentionChosen() {
        for (String function : cfn.ofType("AWS::Lambda::Function")) {
            JsonNode logging = cfn.resource(function).path("Properties").path("LoggingConfig");
            assertThat(logging.path("LogFormat").asText()).as(function).isEqualTo("JSON");
            JsonNode group = cfn.resource(logging.path("LogGroup").path("Ref").asText());
            assertThat(group.path("Type").asText()).as(function).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.path("Properties").path("RetentionInDays").path("Ref").asText()).as(function).isEqualTo("LogRetentionDays");
        }
    }

    @Test
    void theStageIsThrottledAndWritesAnAccessLogLinePerRequest() {
        JsonNode stage = cfn.resource(cfn.ofType("AWS::ApiGatewayV2::Stage").get(0)).path("Properties");
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").path("Ref").asText()).isEqualTo("ThrottleRateLimit");
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").path("Ref").asText()).isEqualTo("ThrottleBurstLimit");
        JsonNode access = stage.path("AccessLogSettings");
        JsonNode group = cfn.resource(access.path("DestinationArn").path("Fn::GetAtt").path(0).asText());
        assertThat(group.path("Properties").path("RetentionInDays").path("Ref").asText()).isEqualTo("LogRetentionDays");
        JsonNode format = TransformedTemplate.json(access.path("Format").asText());
        assertThat(format.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.path("routeKey").asText()).isEqualTo("$context.routeKey");
        assertThat(format.path("status").asText()).isEqualTo("$context.status");
        assertThat(access.path("Format").asText()).doesNotContain("header", "body");
    }

    /** The functions publish their metrics to the namespace the alarms and the dashboard read, and only metrics they publish are read. */
    @Test
    void theAlarmsWatchWhatCanFailInMetricsTheCodePublishesAndNotifyTheTopic() {
        Set<String> published = new TreeSet<>();
        for (Metric metric : Metric.values()) {
            published.add(metric.metricName());
        }
        for (String function : cfn.ofType("AWS::Lambda::Function")) {
            assertThat(cfn.resource(function).path("Properties").path("Environment").path("Variables")
                    .path(Telemetry.NAMESPACE_VARIABLE).path("Fn::Sub").asText()).as(function).isEqualTo(NAMESPACE);
        }
        // CloudWatch cannot publish to a topic under SNS's AWS-managed key (its policy cannot be changed to allow it).
        assertThat(cfn.resource("AlarmTopic").path("Properties").path("KmsMasterKeyId").asText())
                .as("the alarm topic's key").doesNotStartWith("alias/aws/");
        Map<String, List<String>> watched = new TreeMap<>();
        for (String alarm : cfn.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode properties = cfn.resource(alarm).path("Properties");
            assertThat(properties.path("AlarmActions").toString()).as(alarm).isEqualTo("[{\"Ref\":\"AlarmTopic\"}]");
            List<JsonNode> metrics = new ArrayList<>();
            if (properties.has("MetricName")) {
                metrics.add(properties);
            }
            properties.path("Metrics").forEach(query -> {
                if (query.has("MetricStat")) {
                    metrics.add(query.path("MetricStat").path("Metric"));
                }
            });
            for (JsonNode metric : metrics) {
                String namespace = metric.path("Namespace").isTextual() ? metric.path("Namespace").asText()
                        : metric.path("Namespace").path("Fn::Sub").asText();
                if (namespace.equals(NAMESPACE)) {
                    assertThat(published).as(alarm + " reads a metric the code publishes").contains(metric.path("MetricName").asText());
                }
                StringBuilder dimensions = new StringBuilder();
                metric.path("Dimensions").forEach(d -> dimensions.append(' ').append(d.path("Name").asText()).append('=')
                        .append(d.path("Value").isTextual() ? d.path("Value").asText() : d.path("Value").toString()));
                watched.computeIfAbsent(alarm, a -> new ArrayList<>()).add(namespace + " " + metric.path("MetricName").asText() + dimensions);
            }
        }
        assertThat(watched.values().stream().flatMap(List::stream)).contains(
                "AWS/ApiGateway 5xx ApiId={\"Ref\":\"Api\"} Stage={\"Ref\":\"Stage\"}",
                NAMESPACE + " ServerErrors",
                "AWS/SQS ApproximateNumberOfMessagesVisible QueueName={\"Fn::GetAtt\":[\"AutoChargeDeadLetterQueue\",\"QueueName\"]}",
                NAMESPACE + " AutoChargesFailed",
                NAMESPACE + " AutoChargesUnavailable",
                NAMESPACE + " SweptTopUpsFailed",
                NAMESPACE + " Refusals Code=payment_unavailable");
        for (String metric : List.of("Errors", "Throttles")) {
            List<String> everyFunction = cfn.ofType("AWS::Lambda::Function").stream()
                    .map(f -> "AWS/Lambda " + metric + " FunctionName={\"Ref\":\"" + f + "\"}").toList();
            assertThat(watched.values()).as("one alarm on " + metric + " of every function")
                    .anySatisfy(queries -> assertThat(queries).containsExactlyInAnyOrderElementsOf(everyFunction));
        }
    }

    @Test
    void theDashboardShowsEveryMetricTheCodePublishes() {
        String body = cfn.resource("Dashboard").path("Properties").path("DashboardBody").path("Fn::Sub").asText();
        TransformedTemplate.json(body.replace("${AWS::StackName}", "stack")); // valid JSON once substituted
        for (Metric metric : Metric.values()) {
            assertThat(body).as("the dashboard shows " + metric.metricName()).contains("\"" + metric.metricName() + "\"");
        }
        assertThat(body).contains("SmsBilling/${AWS::StackName}");
    }

    @Test
    void everyResourceThatCanBeTaggedCarriesTheStage() {
        Set<String> taggable = Set.of("AWS::Lambda::Function", "AWS::IAM::Role", "AWS::DynamoDB::Table", "AWS::SQS::Queue",
                "AWS::Logs::LogGroup", "AWS::SNS::Topic", "AWS::CloudWatch::Alarm", "AWS::ApiGatewayV2::Stage");
        int checked = 0;
        for (String type : taggable) {
            for (String id : cfn.ofType(type)) {
                JsonNode tags = cfn.resource(id).path("Properties").path("Tags");
                JsonNode stage = tags.isArray()
                        ? TransformedTemplate.asList(tags).stream().filter(t -> t.path("Key").asText().equals("Stage")).findFirst()
                                .map(t -> t.path("Value")).orElse(tags.path("missing"))
                        : tags.path("Stage");
                assertThat(stage.toString()).as(id + " is tagged with the stage").isEqualTo("{\"Ref\":\"Stage\"}");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(25);
    }

    private static String invokedBy(JsonNode uri) {
        Matcher m = INVOKED.matcher(uri.path("Fn::Sub").asText());
        return m.find() ? m.group(1) : "not a function of this template: " + uri;
    }

    private static List<String> keys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.path("AttributeName").asText() + " " + k.path("KeyType").asText()));
        return keys;
    }
}
