package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.http.Settings;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * infra/local/sam-env.json, the {@code --env-vars} file for {@code sam local invoke} and
 * {@code sam local start-api}. SAM only overrides variables that the template declares, and
 * silently drops the rest, so each one it names must be declared for the functions it is for;
 * with it, every function reaches the emulator on the Docker host and the table that
 * infra/local/run creates there. (Docker is not on our build machines, so the containers
 * themselves are not started here.)
 */
class SamLocalEnvTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode template = TestTemplates.projectYaml();
    private final JsonNode envFile = envFile();

    @Test
    void theFileSetsOnlyVariablesTheTemplateDeclaresForTheFunctionsItNames() {
        for (var section : (Iterable<Map.Entry<String, JsonNode>>) envFile::fields) {
            for (String function : functionsOf(section.getKey())) {
                TreeSet<String> declared = new TreeSet<>(declared(function).keySet());
                section.getValue().fieldNames().forEachRemaining(variable ->
                        assertThat(declared).as(section.getKey() + " sets " + variable + " for " + function).contains(variable));
            }
        }
    }

    @Test
    void everyFunctionResolvesTheEmulatorOnTheDockerHostAndTheLocalTable() {
        for (String function : functionsOf("Parameters")) {
            Map<String, String> environment = new HashMap<>(declared(function));
            environment.put("AWS_REGION", "us-east-1"); // sam local sets it, as Lambda does
            envFile.path("Parameters").fields().forEachRemaining(v -> environment.put(v.getKey(), v.getValue().asText()));
            envFile.path(function).fields().forEachRemaining(v -> environment.put(v.getKey(), v.getValue().asText()));
            Settings settings = new Settings(environment::get, name -> null);

            AwsAccess aws = AwsAccess.fromSettings(settings);

            assertThat(aws.dynamoDbUri()).as(function).isEqualTo(URI.create("http://host.docker.internal:4566"));
            assertThat(aws.secretsManagerEndpoint()).as(function).contains(URI.create("http://host.docker.internal:4566"));
            assertThat(aws.credentials().resolveCredentials().accessKeyId()).as(function + ": the emulator's dummy keys").isEqualTo("local");
            assertThat(settings.tableName()).as(function + ": the table infra/local/run creates").isEqualTo(LocalDatabase.TABLE);
        }
    }

    @Test
    void deployedTheDeclaredEndpointsAreEmptyAndChangeNothing() {
        Map<String, String> declared = declared("SendChargeFunction");
        assertThat(declared).containsEntry("DYNAMODB_ENDPOINT", "").containsEntry("SECRETS_MANAGER_ENDPOINT", "");
        Map<String, String> environment = new HashMap<>(declared);
        environment.put("AWS_REGION", "eu-west-1");

        AwsAccess aws = AwsAccess.fromSettings(new Settings(environment::get, name -> null));

        assertThat(aws.dynamoDbEndpoint()).isEmpty();
        assertThat(aws.dynamoDbUri()).isEqualTo(URI.create("https://dynamodb.eu-west-1.amazonaws.com/"));
    }

    /** The variables a function gets, Globals merged under its own, as SAM merges them (values of intrinsics as text). */
    private Map<String, String> declared(String function) {
        Map<String, String> variables = new HashMap<>();
        template.path("Globals").path("Function").path("Environment").path("Variables").fields()
                .forEachRemaining(v -> variables.put(v.getKey(), v.getValue().asText()));
        template.path("Resources").path(function).path("Properties").path("Environment").path("Variables").fields()
                .forEachRemaining(v -> variables.put(v.getKey(), v.getValue().asText()));
        return variables;
    }

    /** "Parameters" applies to every function; any other key names one. */
    private Iterable<String> functionsOf(String section) {
        TreeSet<String> functions = new TreeSet<>();
        template.path("Resources").fields().forEachRemaining(r -> {
            if ("AWS::Serverless::Function".equals(r.getValue().path("Type").asText())
                    && (section.equals("Parameters") || section.equals(r.getKey()))) {
                functions.add(r.getKey());
            }
        });
        assertThat(functions).as("the functions " + section + " is for").isNotEmpty();
        return functions;
    }

    private static JsonNode envFile() {
        try {
            return JSON.readTree(Repository.root().resolve("infra/local/sam-env.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
