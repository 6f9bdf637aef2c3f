package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.endpoint.TestTable;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.ScheduleSpec;
import dev.smsbilling.template.TemplateReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * template.yaml, the build, events/ and the local API agree: every handler class exists, every
 * CodeUri zip is built with the Lambda layout, every route is served locally, and every sample
 * event drives its function without a server error.
 */
@RealDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateConsistencyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SamTemplate template = TemplateReader.read(Repository.template());
    private final JsonNode resources = TestTemplates.projectYaml().path("Resources");
    private final Map<String, RequestStreamHandler> handlers = new HashMap<>();
    private LocalServer server;

    @BeforeAll
    void start(TestTable table) throws IOException {
        server = RealLocalApi.start(table).server();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFunctionsHandlerExistsAndItsZipIsBuilt() {
        assertThat(template.functions()).hasSizeGreaterThanOrEqualTo(6);
        return template.functions().stream().map(function -> DynamicTest.dynamicTest(function.name(), () -> {
            assertThat(handler(function)).isNotNull();
            Path zip = Repository.root().resolve(resources.path(function.name()).path("Properties").path("CodeUri").asText());
            assertThat(zip).as("built by mvn package").isRegularFile();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                assertThat(archive.getEntry(function.handlerClass().replace('.', '/') + ".class"))
                        .as("the handler class at the root of " + zip.getFileName()).isNotNull();
                assertThat(archive.stream().filter(e -> e.getName().startsWith("lib/") && e.getName().endsWith(".jar")))
                        .as("dependencies in lib/").isNotEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteIsServedByTheLocalApi() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return template.routes().stream().map(route -> DynamicTest.dynamicTest(route.routeKey(), () -> {
            String path = route.path().replaceAll("\\{[^}]+}", "BA00000000000000000000000000000000");
            var request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build();

            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isBetween(200, 499).isNotEqualTo(404);
            assertThat(JSON.readTree(response.body()).isObject()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySampleEventDrivesItsFunctionWithoutAServerError() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repository.root().resolve("events"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    JsonNode event = JSON.readTree(file.toFile());
                    FunctionSpec function = functionFor(event)
                            .orElseThrow(() -> new AssertionError(file.getFileName() + " matches no function of template.yaml"));

                    JsonNode answer = invoke(function, Files.readAllBytes(file));

                    if (answer.has("statusCode")) {
                        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isLessThan(500);
                    } else {
                        assertThat(answer.isObject()).as(answer.toString()).isTrue();
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** The function an event is for: its route, the authorizer for an authorizer event, the schedule for a scheduled one. */
    private Optional<FunctionSpec> functionFor(JsonNode event) {
        if ("REQUEST".equals(event.path("type").asText())) {
            return template.routes().stream().map(RouteSpec::auth).filter(RouteAuth.Lambda.class::isInstance)
                    .map(auth -> ((RouteAuth.Lambda) auth).authorizer().function()).findFirst();
        }
        if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            return template.firstSchedule().map(ScheduleSpec::function);
        }
        String routeKey = event.path("routeKey").asText();
        return template.routes().stream().filter(route -> route.routeKey().equals(routeKey))
                .map(RouteSpec::function).findFirst();
    }

    private JsonNode invoke(FunctionSpec function, byte[] event) throws Exception {
        var out = new ByteArrayOutputStream();
        handler(function).handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private RequestStreamHandler handler(FunctionSpec function) throws Exception {
        RequestStreamHandler handler = handlers.get(function.name());
        if (handler == null) {
            handler = HandlerFactory.byClassName().create(function);
            handlers.put(function.name(), handler);
        }
        return handler;
    }
}
