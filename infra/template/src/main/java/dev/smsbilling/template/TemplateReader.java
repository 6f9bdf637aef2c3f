package dev.smsbilling.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the functions, HTTP routes, authorizers and schedules out of a SAM template, so the
 * template stays the only route table. CloudFormation's short tags ({@code !Ref X},
 * {@code !GetAtt X.Arn}) reach us as their plain scalar values; the long forms
 * ({@code Ref}, {@code Fn::GetAtt}) are understood too.
 */
public final class TemplateReader {
    private static final String FUNCTION = "AWS::Serverless::Function";
    /** Lambda's own default when neither the function nor Globals set one. */
    private static final int LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;

    private final JsonNode root;
    private final JsonNode resources;
    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();

    private TemplateReader(JsonNode root) {
        this.root = root;
        this.resources = root.path("Resources");
    }

    public static SamTemplate read(Path template) {
        try {
            return new TemplateReader(new YAMLMapper().readTree(template.toFile())).template();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    /** The template given as YAML text (a test's own, say). */
    public static SamTemplate parse(String templateYaml) {
        try {
            return new TemplateReader(new YAMLMapper().readTree(templateYaml)).template();
        } catch (IOException e) {
            throw new IllegalArgumentException("template is not YAML: " + e.getMessage(), e);
        }
    }

    private SamTemplate template() {
        resources.fields().forEachRemaining(resource -> {
            if (FUNCTION.equals(resource.getValue().path("Type").asText())) {
                functions.put(resource.getKey(), function(resource.getKey(), resource.getValue().path("Properties")));
            }
        });
        List<RouteSpec> routes = new ArrayList<>();
        List<ScheduleSpec> schedules = new ArrayList<>();
        for (FunctionSpec function : functions.values()) {
            resources.path(function.name()).path("Properties").path("Events").fields().forEachRemaining(event -> {
                JsonNode properties = event.getValue().path("Properties");
                switch (event.getValue().path("Type").asText()) {
                    case "HttpApi" -> routes.add(route(function, properties));
                    case "Schedule" -> schedule(function, event.getKey(), properties, "Schedule", schedules);
                    case "ScheduleV2" -> schedule(function, event.getKey(), properties, "ScheduleExpression", schedules);
                    default -> {
                        // other event sources (SQS, streams, ...) have no local equivalent yet
                    }
                }
            });
        }
        return new SamTemplate(List.copyOf(functions.values()), routes, schedules, authorizers());
    }

    private FunctionSpec function(String name, JsonNode properties) {
        String handler = properties.path("Handler").asText("");
        if (handler.isBlank()) {
            throw new IllegalStateException("function " + name + " has no Handler");
        }
        int separator = handler.indexOf("::");
        String type = separator < 0 ? handler : handler.substring(0, separator);
        String method = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        JsonNode globals = root.path("Globals").path("Function");
        int timeout = properties.path("Timeout").asInt(globals.path("Timeout").asInt(LAMBDA_DEFAULT_TIMEOUT_SECONDS));
        String codeUri = properties.path("CodeUri").asText(globals.path("CodeUri").asText(""));
        String options = properties.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS")
                .asText(globals.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText(""));
        boolean dynamoDb = properties.path("Policies").toString().contains("dynamodb:");
        return new FunctionSpec(name, type, method, Duration.ofSeconds(timeout), codeUri,
                options.isBlank() ? List.of() : List.of(options.trim().split("\\s+")), dynamoDb);
    }

    private RouteSpec route(FunctionSpec function, JsonNode properties) {
        String method = properties.path("Method").asText("ANY").toUpperCase(Locale.ROOT);
        String path = properties.path("Path").asText("");
        if (!path.startsWith("/")) {
            throw new IllegalStateException("function " + function.name() + " has an HttpApi event without a Path");
        }
        return new RouteSpec(method, path, function, auth(function, properties));
    }

    private RouteAuth auth(FunctionSpec function, JsonNode eventProperties) {
        JsonNode apiAuth = apiAuth(eventProperties.path("ApiId"));
        String chosen = eventProperties.path("Auth").path("Authorizer").asText(null);
        if (chosen == null) {
            chosen = apiAuth.path("DefaultAuthorizer").asText(null);
        }
        if (chosen == null || chosen.equals("NONE")) {
            return new RouteAuth.Open();
        }
        if (chosen.equals("AWS_IAM")) {
            return new RouteAuth.Iam();
        }
        JsonNode authorizer = apiAuth.path("Authorizers").path(chosen);
        if (authorizer.isMissingNode()) {
            throw new IllegalStateException("function " + function.name() + " names authorizer " + chosen
                    + ", which its API does not declare");
        }
        return new RouteAuth.Lambda(authorizer(chosen, authorizer));
    }

    /** Every Lambda authorizer an HTTP API of the template declares (Globals' too), whether a route uses it or not. */
    private List<AuthorizerSpec> authorizers() {
        List<AuthorizerSpec> all = new ArrayList<>();
        List<JsonNode> auths = new ArrayList<>();
        auths.add(root.path("Globals").path("HttpApi").path("Auth"));
        resources.forEach(resource -> {
            if ("AWS::Serverless::HttpApi".equals(resource.path("Type").asText())) {
                auths.add(resource.path("Properties").path("Auth"));
            }
        });
        for (JsonNode auth : auths) {
            auth.path("Authorizers").fields().forEachRemaining(a -> {
                if (!a.getValue().has("JwtConfiguration")) {
                    all.add(authorizer(a.getKey(), a.getValue()));
                }
            });
        }
        return all;
    }

    /** The Auth block of the event's API; without ApiId, SAM's implicit API takes Globals.HttpApi. */
    private JsonNode apiAuth(JsonNode apiId) {
        String api = reference(apiId);
        return api == null
                ? root.path("Globals").path("HttpApi").path("Auth")
                : resources.path(api).path("Properties").path("Auth");
    }

    private AuthorizerSpec authorizer(String name, JsonNode authorizer) {
        if (authorizer.has("JwtConfiguration")) {
            throw new IllegalStateException("authorizer " + name + " is a JWT authorizer, which the local API does not emulate");
        }
        String functionName = functionOf(authorizer.path("FunctionArn"));
        FunctionSpec function = functionName == null ? null : functions.get(functionName);
        if (function == null) {
            throw new IllegalStateException("authorizer " + name
                    + " must name a function of this template with !Ref <Function>.Alias or !GetAtt <Function>.Arn");
        }
        List<String> headers = new ArrayList<>();
        authorizer.path("Identity").path("Headers").forEach(h -> headers.add(h.asText()));
        // Without ReauthorizeEvery nothing is cached: a stale "allowed" would hide a revoked key.
        int ttl = authorizer.path("Identity").path("ReauthorizeEvery").asInt(0);
        boolean simple = authorizer.path("EnableSimpleResponses").asBoolean(false);
        return new AuthorizerSpec(name, function, List.copyOf(headers), simple, Duration.ofSeconds(ttl));
    }

    private static void schedule(FunctionSpec function, String event, JsonNode properties, String field,
                                 List<ScheduleSpec> schedules) {
        boolean disabled = !properties.path("Enabled").asBoolean(true)
                || "DISABLED".equalsIgnoreCase(properties.path("State").asText(""));
        String expression = properties.path(field).asText("");
        if (!disabled && !expression.isBlank()) {
            schedules.add(new ScheduleSpec(event, function, expression, RateExpression.interval(expression)));
        }
    }

    /** {@code !Ref X} (read as "X") or {@code {Ref: X}}. */
    private static String reference(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        return node.has("Ref") ? node.get("Ref").asText() : null;
    }

    /**
     * The function an ARN names: {@code !Ref X.Alias} (SAM's reference to the alias that
     * AutoPublishAlias makes; read as "X.Alias"), {@code !GetAtt X.Arn} (read as "X.Arn") or the
     * long forms {@code {Ref: X.Alias}} and {@code {Fn::GetAtt: [X, Arn]}}: X.
     */
    private static String functionOf(JsonNode node) {
        JsonNode value = node.has("Fn::GetAtt") ? node.get("Fn::GetAtt") : node.has("Ref") ? node.get("Ref") : node;
        if (value.isArray() && value.size() > 0) {
            return value.get(0).asText();
        }
        if (value.isTextual()) {
            String text = value.asText();
            int dot = text.indexOf('.');
            return dot < 0 ? text : text.substring(0, dot);
        }
        return null;
    }
}
