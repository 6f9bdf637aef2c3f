package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import dev.smsbilling.endpoint.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * infra/api/openapi.yaml for tests: its operations, their documented responses, and validation
 * of a JSON document against one of its schemas (OpenAPI 3.1, JSON Schema 2020-12).
 *
 * <p>The published document leaves objects open, because clients must ignore fields that are
 * added later. The tests validate against a stricter copy in which every named object schema
 * has {@code unevaluatedProperties: false}, so a field the code writes but the document does not
 * name fails the test instead of slipping through.
 */
final class OpenApiDocument {
    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;
    private final String strictUri;
    /** The document's own top-level fields, which are not schema keywords. */
    private static final List<String> DOCUMENT_FIELDS = List.of(
            "openapi", "info", "jsonSchemaDialect", "servers", "paths", "webhooks", "components", "security", "tags", "externalDocs");
    /**
     * OpenAPI 3.1's dialect, where a keyword it does not know is an error rather than a warning,
     * so a misspelt constraint ({@code minimun}) fails the tests instead of constraining nothing.
     */
    private static final JsonMetaSchema DIALECT = JsonMetaSchema.builder(OpenApi31.getInstance())
            .keywords(DOCUMENT_FIELDS.stream().map(NonValidationKeyword::new).toList())
            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
            .build();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(JsonNode root, Path strictCopy) {
        this.root = root;
        this.strictUri = strictCopy.toUri().toString();
    }

    static Path file() {
        return Repository.root().resolve("infra/api/openapi.yaml");
    }

    static JsonNode read() {
        try {
            return new YAMLMapper().readTree(file().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param workDir where the strict copy is written */
    static OpenApiDocument load(Path workDir) {
        JsonNode root = read();
        JsonNode strict = root.deepCopy();
        strict.path("components").path("schemas").forEach(OpenApiDocument::closeObject);
        try {
            Path copy = workDir.resolve("openapi-strict.json");
            Files.writeString(copy, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(strict));
            return new OpenApiDocument(root, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeObject(JsonNode schema) {
        if (schema instanceof ObjectNode object && (object.has("properties") || object.has("allOf"))
                && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
            object.put("unevaluatedProperties", false);
        }
    }

    JsonNode root() {
        return root;
    }

    /** {@code "POST /v1/messages"} for every operation, with or without {@code x-local-only: true}. */
    Set<String> routeKeys(boolean localOnly) {
        return routeKeys(root, localOnly);
    }

    static Set<String> routeKeys(JsonNode root, boolean localOnly) {
        Set<String> keys = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && operation.path("x-local-only").asBoolean(false) == localOnly) {
                    keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return keys;
    }

    JsonNode operation(String method, String pathTemplate) {
        JsonNode operation = root.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("openapi.yaml has no operation " + method + " " + pathTemplate);
        }
        return operation;
    }

    /** The documented response for this status ({@code $ref}s followed), or an AssertionError. */
    JsonNode response(String method, String pathTemplate, int status) {
        JsonNode response = operation(method, pathTemplate).path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            throw new AssertionError("openapi.yaml does not document " + status + " for " + method + " " + pathTemplate);
        }
        return resolve(response);
    }

    /** The schema name of a response's or request body's JSON content: always a components/schemas $ref. */
    String jsonSchemaName(JsonNode responseOrBody) {
        String ref = responseOrBody.path("content").path("application/json").path("schema").path("$ref").asText("");
        String prefix = "#/components/schemas/";
        if (!ref.startsWith(prefix)) {
            throw new AssertionError("JSON content without a $ref to a named schema: " + responseOrBody);
        }
        return ref.substring(prefix.length());
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 5; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local $refs are expected: " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new AssertionError("dangling $ref " + ref);
            }
        }
        return current;
    }

    /** Every way the document finds {@code instance} invalid against its (strict) schema {@code name}. */
    Set<ValidationMessage> validate(String name, JsonNode instance) {
        JsonSchema schema = schemas.computeIfAbsent(name,
                n -> factory.getSchema(SchemaLocation.of(strictUri + "#/components/schemas/" + n), config));
        return schema.validate(instance);
    }
}
