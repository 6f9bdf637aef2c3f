package dev.smsbilling.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.endpoint.Repository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    /** The shapes template.yaml uses, small: Globals, one HTTP API with a default authorizer, NONE and IAM routes, schedules. */
    private static final SamTemplate SHAPES = TemplateReader.parse("""
            Globals:
              Function:
                Timeout: 7
                CodeUri: functions/shared/target/shared.zip
                Environment: {Variables: {JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"}}
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: KeyAuthorizer
                    Authorizers:
                      KeyAuthorizer:
                        FunctionArn: !GetAtt AuthorizerFunction.Arn
                        EnableSimpleResponses: true
                        Identity: {Headers: [Authorization], ReauthorizeEvery: 300}
              AuthorizerFunction:
                Type: AWS::Serverless::Function
                Properties: {Handler: dev.example.KeyAuthorizer::handleRequest, Timeout: 5}
              EchoFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.example.EchoHandler::handleRequest
                  CodeUri: functions/echo/target/echo.zip
                  Environment: {Variables: {JAVA_TOOL_OPTIONS: "-Xshare:off"}}
                  Policies: [{Statement: [{Effect: Allow, Action: [dynamodb:GetItem], Resource: "*"}]}]
                  Events:
                    Item: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: get, Path: "/v1/echo/{id}"}}
                    Public: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: GET, Path: "/public/{proxy+}", Auth: {Authorizer: NONE}}}
                    Internal: {Type: HttpApi, Properties: {ApiId: !Ref Api, Method: POST, Path: /internal/echo, Auth: {Authorizer: AWS_IAM}}}
              SummaryFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.example.Summary
                  Events:
                    EveryMinute: {Type: Schedule, Properties: {Schedule: rate(1 minute)}}
                    Off: {Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 hour), State: DISABLED}}
              Table:
                Type: AWS::DynamoDB::Table
            """);

    @Test
    void readsTheProjectTemplatesRoutesWithTheApiKeyAuthorizer() {
        SamTemplate template = TemplateReader.read(Repository.template());

        RouteSpec quote = template.routes().stream()
                .filter(r -> r.routeKey().equals("POST /v1/messages/quote")).findFirst().orElseThrow();
        assertThat(quote.function().name()).isEqualTo("QuoteFunction");
        assertThat(quote.function().handlerClass()).isEqualTo("dev.smsbilling.quote.QuoteHandler");
        assertThat(quote.function().handlerMethod()).isEqualTo("handleRequest");
        assertThat(quote.auth()).isInstanceOf(RouteAuth.Lambda.class);
        AuthorizerSpec authorizer = ((RouteAuth.Lambda) quote.auth()).authorizer();
        assertThat(authorizer.function().name()).isEqualTo("AuthorizerFunction");
        assertThat(authorizer.identityHeaders()).containsExactly("Authorization");
        assertThat(authorizer.simpleResponses()).isTrue();
        assertThat(authorizer.reauthorizeEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void takesTimeoutsFromTheFunctionOrGlobals() {
        SamTemplate template = SHAPES;

        assertThat(function(template, "AuthorizerFunction").timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(function(template, "EchoFunction").timeout()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void readsNoneAndIamRoutesAndTheSchedule() {
        SamTemplate template = SHAPES;

        assertThat(route(template, "GET /public/{proxy+}").auth()).isInstanceOf(RouteAuth.Open.class);
        assertThat(route(template, "POST /internal/echo").auth()).isInstanceOf(RouteAuth.Iam.class);
        assertThat(route(template, "GET /v1/echo/{id}").auth()).isInstanceOf(RouteAuth.Lambda.class);
        assertThat(template.schedules()).singleElement().satisfies(s -> {
            assertThat(s.function().name()).isEqualTo("SummaryFunction");
            assertThat(s.rate()).hasValue(Duration.ofMinutes(1));
        });
    }

    @Test
    void readsWhatRunningAFunctionOutsideLambdaNeeds() {
        assertThat(SHAPES.functions()).extracting(FunctionSpec::name)
                .containsExactly("AuthorizerFunction", "EchoFunction", "SummaryFunction"); // template order
        FunctionSpec echo = function(SHAPES, "EchoFunction");
        assertThat(echo.codeUri()).isEqualTo("functions/echo/target/echo.zip");
        assertThat(echo.artifactName()).isEqualTo("echo");
        assertThat(echo.handler()).isEqualTo("dev.example.EchoHandler::handleRequest");
        assertThat(echo.javaToolOptions()).containsExactly("-Xshare:off"); // the function's own wins
        assertThat(echo.usesDynamoDb()).isTrue();
        assertThat(SHAPES.routeKeysOf(echo)).containsExactly("GET /v1/echo/{id}", "GET /public/{proxy+}", "POST /internal/echo");

        FunctionSpec summary = function(SHAPES, "SummaryFunction");
        assertThat(summary.handlerClass()).isEqualTo("dev.example.Summary");
        assertThat(summary.handlerMethod()).isEqualTo("handleRequest");
        assertThat(summary.artifactName()).isEqualTo("shared"); // Globals' zip
        assertThat(summary.javaToolOptions()).containsExactly("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        assertThat(summary.usesDynamoDb()).isFalse();
        assertThat(SHAPES.isScheduled(summary)).isTrue();
        assertThat(SHAPES.isAuthorizer(function(SHAPES, "AuthorizerFunction"))).isTrue();
        assertThat(SHAPES.isAuthorizer(echo)).isFalse();
    }

    @Test
    void rateExpressionsHaveAnIntervalAndCronDoesNot() {
        assertThat(RateExpression.interval("rate(1 minute)")).hasValue(Duration.ofMinutes(1));
        assertThat(RateExpression.interval("rate(5 minutes)")).hasValue(Duration.ofMinutes(5));
        assertThat(RateExpression.interval("rate(2 hours)")).hasValue(Duration.ofHours(2));
        assertThat(RateExpression.interval("cron(0 12 * * ? *)")).isEmpty();
    }

    private static FunctionSpec function(SamTemplate template, String name) {
        return template.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static RouteSpec route(SamTemplate template, String routeKey) {
        List<RouteSpec> routes = template.routes();
        return routes.stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
    }
}
