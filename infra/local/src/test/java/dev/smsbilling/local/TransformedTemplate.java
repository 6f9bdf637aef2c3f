package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * template.yaml as AWS SAM transforms it: the CloudFormation that {@code sam deploy} creates,
 * made offline by aws-sam-translator through {@code infra/sam/transform.py}. What a reviewer
 * would check by hand in that output (which alias an integration invokes, what a role allows) is
 * read here, not from template.yaml, whose short forms SAM expands in ways a grep cannot see.
 *
 * <p>Needs a {@code python3} that can import samtranslator (cfn-lint brings it). Without one the
 * tests that use this are skipped with a sentence saying so, except under CI, where
 * {@code .ci/run} has checked for cfn-lint and a missing translator is a failure.
 */
public final class TransformedTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, TransformedTemplate> CACHE = new ConcurrentHashMap<>();

    private final JsonNode root;
    private final Map<String, String> parameters;

    private TransformedTemplate(JsonNode root, Map<String, String> overrides) {
        this.root = root;
        this.parameters = new TreeMap<>();
        root.path("Parameters").fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                parameters.put(p.getKey(), p.getValue().get("Default").asText());
            }
        });
        parameters.putAll(overrides);
    }

    /** The project's template.yaml with its parameters' defaults, or {@code Name=value} overrides. */
    public static TransformedTemplate ofRepository(String... parameters) {
        return CACHE.computeIfAbsent(String.join(" ", parameters), key -> transform(Repository.template(), parameters));
    }

    public JsonNode resources() {
        return root.path("Resources");
    }

    public JsonNode resource(String logicalId) {
        JsonNode resource = resources().path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("the transformed template has no resource " + logicalId);
        }
        return resource;
    }

    /** The logical ids of every resource of {@code type} ("AWS::Lambda::Function"), in order. */
    public List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        resources().fields().forEachRemaining(r -> {
            if (type.equals(r.getValue().path("Type").asText())) {
                ids.add(r.getKey());
            }
        });
        return ids;
    }

    /** The IAM role a function runs as: its {@code Role} is {@code Fn::GetAtt [<role>, Arn]}. */
    public JsonNode roleOf(String function) {
        JsonNode role = resource(function).path("Properties").path("Role").path("Fn::GetAtt");
        if (!role.isArray() || !"Arn".equals(role.path(1).asText())) {
            throw new AssertionError(function + "'s Role is not a role of this template: " + role);
        }
        return resource(role.get(0).asText());
    }

    /** Every Allow statement of the role's inline policies, those behind a false condition left out. */
    public List<JsonNode> allowStatementsOf(String function) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode conditional : roleOf(function).path("Properties").path("Policies")) {
            JsonNode policy = resolveIf(conditional);
            for (JsonNode statement : asList(policy.path("PolicyDocument").path("Statement"))) {
                if ("Allow".equals(statement.path("Effect").asText())) {
                    statements.add(statement);
                }
            }
        }
        return statements;
    }

    /** {@code Fn::If [condition, then, else]} decided with this transform's parameters; anything else as it is. */
    public JsonNode resolveIf(JsonNode node) {
        JsonNode branches = node.path("Fn::If");
        if (!branches.isArray()) {
            return node;
        }
        return resolveIf(branches.get(isTrue(root.path("Conditions").path(branches.get(0).asText())) ? 1 : 2));
    }

    /** The conditions CloudFormation evaluates here: equality of parameters and literals, and their Not, And, Or. */
    private boolean isTrue(JsonNode condition) {
        if (condition.has("Fn::Equals")) {
            return value(condition.get("Fn::Equals").get(0)).equals(value(condition.get("Fn::Equals").get(1)));
        }
        if (condition.has("Fn::Not")) {
            return !isTrue(condition.get("Fn::Not").get(0));
        }
        if (condition.has("Fn::And") || condition.has("Fn::Or")) {
            boolean and = condition.has("Fn::And");
            for (JsonNode part : condition.get(and ? "Fn::And" : "Fn::Or")) {
                if (isTrue(part) != and) {
                    return !and;
                }
            }
            return and;
        }
        if (condition.has("Condition")) {
            return isTrue(root.path("Conditions").path(condition.get("Condition").asText()));
        }
        throw new AssertionError("a condition this test cannot evaluate: " + condition);
    }

    private String value(JsonNode node) {
        return node.has("Ref") ? parameters.getOrDefault(node.get("Ref").asText(), "?" + node.get("Ref").asText()) : node.asText();
    }

    /** A JSON document the template holds as a string (an access log format, a dashboard body). */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A JSON value that may be one element or a list of them (IAM's Action and Resource), as a list. */
    public static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else if (!node.isMissingNode()) {
            list.add(node);
        }
        return list;
    }

    private static TransformedTemplate transform(Path template, String... parameters) {
        String python = System.getenv().getOrDefault("SAM_PYTHON", "python3");
        List<String> command = new ArrayList<>(List.of(python,
                Repository.root().resolve("infra/sam/transform.py").toString(), template.toString()));
        command.addAll(List.of(parameters));
        try {
            // Both streams to files: read from pipes one after the other, a full one would block the
            // transform, and the timeout must be able to fire while it runs.
            Path out = Files.createTempFile("sam-transform", ".json");
            Path errors = Files.createTempFile("sam-transform", ".err");
            String err;
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the SAM transform did not finish in 120 s");
                }
                err = Files.readString(errors, StandardCharsets.UTF_8);
                if (process.exitValue() == 0) {
                    Map<String, String> overrides = new TreeMap<>();
                    for (String parameter : parameters) {
                        overrides.put(parameter.substring(0, parameter.indexOf('=')), parameter.substring(parameter.indexOf('=') + 1));
                    }
                    return new TransformedTemplate(JSON.readTree(out.toFile()), overrides);
                }
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(errors);
            }
            skipUnlessCi(err.contains("needs aws-sam-translator"), err.strip());
            throw new AssertionError("SAM could not transform template.yaml: " + err.strip());
        } catch (IOException e) {
            skipUnlessCi(true, python + " cannot be run (" + e.getMessage() + "); set SAM_PYTHON to a python with cfn-lint");
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while transforming the template", e);
        }
    }

    private static void skipUnlessCi(boolean missingTool, String why) {
        if (missingTool && System.getenv("CI") == null) {
            Assumptions.abort("skipped, the SAM transform is not available here: " + why);
        }
    }
}
