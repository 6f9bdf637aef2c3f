package dev.smsbilling.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the functions of template.yaml, and picks the sample event of events/ that drives each:
 * the event of its first route that has one, the REQUEST event for the authorizer, the
 * scheduled event for a scheduled function. CloudFormation's short tags ({@code !GetAtt X.Arn})
 * are read as their plain values.
 */
public final class SamTemplate {
    private static final YAMLMapper YAML = new YAMLMapper();

    private SamTemplate() {
    }

    public static List<LambdaFunction> functions(Path template) {
        try {
            return functions(Files.readString(template));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template, e);
        }
    }

    public static List<LambdaFunction> functions(String templateYaml) {
        JsonNode root;
        try {
            root = YAML.readTree(templateYaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("template is not YAML: " + e.getMessage(), e);
        }
        JsonNode globals = root.path("Globals").path("Function");
        String globalOptions = globals.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText("");
        String globalHandler = globals.path("Handler").asText("");
        String globalCodeUri = globals.path("CodeUri").asText("");
        JsonNode resources = root.path("Resources");
        String authorizers = authorizerArns(resources);

        List<LambdaFunction> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            String id = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            List<String> routes = new ArrayList<>();
            boolean scheduled = false;
            for (JsonNode event : properties.path("Events")) {
                String type = event.path("Type").asText();
                if ("HttpApi".equals(type)) {
                    JsonNode p = event.path("Properties");
                    routes.add(p.path("Method").asText().toUpperCase(Locale.ROOT) + " " + p.path("Path").asText());
                } else if ("Schedule".equals(type) || "ScheduleV2".equals(type)) {
                    scheduled = true;
                }
            }
            String options = properties.path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS").asText(globalOptions);
            functions.add(new LambdaFunction(id, properties.path("CodeUri").asText(globalCodeUri),
                    properties.path("Handler").asText(globalHandler), routes,
                    authorizers.contains("|" + id + "|"), scheduled, options,
                    properties.path("Policies").toString().contains("dynamodb:")));
        }
        return functions;
    }

    /** "|A|B|": the functions that some HttpApi uses as a Lambda authorizer. */
    private static String authorizerArns(JsonNode resources) {
        StringBuilder ids = new StringBuilder("|");
        for (JsonNode resource : resources) {
            for (JsonNode authorizer : resource.path("Properties").path("Auth").path("Authorizers")) {
                // "!Ref AuthorizerFunction.Alias" reads as "AuthorizerFunction.Alias", "!GetAtt AuthorizerFunction.Arn" as "AuthorizerFunction.Arn"
                String arn = authorizer.path("FunctionArn").asText("");
                if (!arn.isEmpty()) {
                    ids.append(arn.contains(".") ? arn.substring(0, arn.indexOf('.')) : arn).append('|');
                }
            }
        }
        return ids.toString();
    }

    /**
     * The event file that drives {@code function}, from {@code events} (file name to parsed JSON,
     * in a stable order): the first route of the function with an event, else the authorizer's
     * or the schedule's event.
     */
    public static Optional<String> eventFor(LambdaFunction function, Map<String, JsonNode> events) {
        for (String route : function.routeKeys()) {
            for (Map.Entry<String, JsonNode> event : events.entrySet()) {
                if (route.equals(event.getValue().path("routeKey").asText()) && !isAuthorizerEvent(event.getValue())) {
                    return Optional.of(event.getKey());
                }
            }
        }
        for (Map.Entry<String, JsonNode> event : events.entrySet()) {
            if (function.authorizer() && isAuthorizerEvent(event.getValue())) {
                return Optional.of(event.getKey());
            }
            if (function.scheduled() && "Scheduled Event".equals(event.getValue().path("detail-type").asText())) {
                return Optional.of(event.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean isAuthorizerEvent(JsonNode event) {
        return "REQUEST".equals(event.path("type").asText());
    }
}
