package dev.smsbilling.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The harness's pure parts: reading the template, choosing events, the arithmetic. No timings. */
class ColdStartPartsTest {
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: java21
                Environment:
                  Variables:
                    JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      KeyAuthorizer:
                        FunctionArn: !GetAtt AuthorizerFunction.Arn
              AuthorizerFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/authorizer/target/authorizer.zip
                  Handler: dev.example.AuthorizerHandler::handleRequest
              QuoteFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/quote/target/quote.zip
                  Handler: dev.example.QuoteHandler::handleRequest
                  Environment:
                    Variables:
                      JAVA_TOOL_OPTIONS: "-Xshare:off"
                  Events:
                    Quote:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: post, Path: /v1/messages/quote}
                    Rates:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Api, Method: GET, Path: /v1/pricing/rates}
              NightlyFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: functions/auto-charge/target/auto-charge.zip
                  Handler: dev.example.Nightly
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties: {Schedule: rate(5 minutes)}
              Table:
                Type: AWS::DynamoDB::Table
            """;

    private final SamTemplate template = TemplateReader.parse(TEMPLATE);
    private final List<FunctionSpec> functions = template.functions();

    @Test
    void choosesTheEventOfTheFirstRouteThenTheAuthorizersAndTheSchedules() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> events = new TreeMap<>();
        events.put("authorizer.json", json.readTree("{\"type\": \"REQUEST\", \"routeKey\": \"POST /v1/messages/quote\"}"));
        events.put("quote.json", json.readTree("{\"routeKey\": \"POST /v1/messages/quote\"}"));
        events.put("rates.json", json.readTree("{\"routeKey\": \"GET /v1/pricing/rates\"}"));

        assertThat(FunctionEvents.eventFor(template, functions.get(1), events)).contains("quote.json");
        assertThat(FunctionEvents.eventFor(template, functions.get(0), events)).contains("authorizer.json");
        assertThat(FunctionEvents.eventFor(template, functions.get(2), events)).isEmpty(); // reported as not built

        events.put("nightly.json", json.readTree("{\"detail-type\": \"Scheduled Event\"}"));
        assertThat(FunctionEvents.eventFor(template, functions.get(2), events)).contains("nightly.json");
    }

    @Test
    void mediansMinimaAndRatios() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.min(List.of(4.0, 1.5, 3.0))).isEqualTo(1.5);
        assertThat(Stats.ratio(750, 500)).isCloseTo(1.5, within(1e-12));
        assertThat(Stats.ratio(750, 0)).isNaN();
        assertThat(Stats.times(1.5)).isEqualTo("1.50×");
        assertThat(Stats.times(Double.NaN)).isEqualTo("n/a");
        assertThat(Stats.mib(3L << 20)).isEqualTo("3.0 MiB");
        assertThatThrownBy(() -> Stats.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRoundStartsWithAnotherTarget() {
        List<String> targets = List.of("a", "b", "c");
        assertThat(Stats.rotated(targets, 0)).containsExactly("a", "b", "c");
        assertThat(Stats.rotated(targets, 1)).containsExactly("b", "c", "a");
        assertThat(Stats.rotated(targets, 4)).containsExactly("b", "c", "a");
    }

    @Test
    void countsLoadedClassesBySource() {
        ClassCensus census = ClassCensus.parse(List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.011s][info][class,load] java.net.http.HttpClient source: jrt:/java.net.http",
                "[0.050s][info][class,load] dev.example.QuoteHandler source: file:/tmp/x/quote/",
                "[0.060s][info][class,load] com.fasterxml.jackson.core.JsonFactory source: file:/tmp/x/quote/lib/jackson-core-2.23.0.jar",
                "[0.061s][info][class,load] dev.example.QuoteHandler$$Lambda$14/0x0000000800c0b000 source: dev.example.QuoteHandler",
                "[0.062s][info][class,load] jdk.internal.reflect.GeneratedConstructorAccessor1 source: __JVM_DefineClass__",
                "[0.070s][info][gc] not a class line"));

        assertThat(census.total()).isEqualTo(6);
        assertThat(census.jdkArchived()).isEqualTo(1);
        assertThat(census.jdkLoaded()).isEqualTo(1);
        assertThat(census.generated()).isEqualTo(2);
        assertThat(census.fromJar("jackson-core-2.23.0.jar")).isEqualTo(1);
        assertThat(census.bySource()).containsEntry("quote/", 1);
    }
}
