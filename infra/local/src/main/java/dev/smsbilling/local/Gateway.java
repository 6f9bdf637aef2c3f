package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.ApiEvent;
import dev.smsbilling.template.AuthorizerSpec;
import dev.smsbilling.template.RouteAuth;
import dev.smsbilling.template.RouteSpec;
import dev.smsbilling.template.SamTemplate;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * API Gateway's part of a request, without the HTTP server: size limit, route, authorizer,
 * the function's event, its answer. Where API Gateway would answer with its own plain
 * {@code {"message": ...}} body (no route, missing or rejected key, a failed function), this
 * answers in the API's error envelope, so a local client meets one error shape; and where it
 * would answer 403 to a rejected key, this answers 401 {@code unauthorized}, the API's code for
 * an unknown key.
 */
public final class Gateway {
    /** The API's own limit (API.md), much lower than API Gateway's 10 MB. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Local only: runs the scheduled function once, now. */
    public static final String RUN_SCHEDULE_PATH = "/internal/run/auto-charge";

    private final Router router;
    private final Functions functions;
    private final Map<AuthorizerSpec, LambdaAuthorizer> authorizers = new HashMap<>();
    private final Optional<ScheduledRun> schedule;
    private final Clock clock;
    private final Consumer<String> console;

    Gateway(SamTemplate template, Functions functions, Clock clock, Consumer<String> console) {
        this.router = new Router(template.routes());
        this.functions = functions;
        this.clock = clock;
        this.console = console;
        for (RouteSpec route : template.routes()) {
            if (route.auth() instanceof RouteAuth.Lambda lambda) {
                authorizers.computeIfAbsent(lambda.authorizer(),
                        spec -> new LambdaAuthorizer(spec, functions.get(spec.function()), clock));
            }
        }
        this.schedule = template.firstSchedule().map(s -> new ScheduledRun(s, functions.get(s.function()), clock));
    }

    Optional<ScheduledRun> schedule() {
        return schedule;
    }

    public GatewayResponse handle(IncomingRequest request) {
        try {
            return route(request);
        } catch (InvocationFailed e) {
            console.accept(FailureReport.describe(e));
            return GatewayError.INTERNAL_ERROR.response();
        } catch (RuntimeException e) {
            console.accept(FailureReport.describe(new InvocationFailed("the local gateway failed", e)));
            return GatewayError.INTERNAL_ERROR.response();
        }
    }

    private GatewayResponse route(IncomingRequest request) throws InvocationFailed {
        if (request.body().length > MAX_BODY_BYTES) {
            return GatewayError.PAYLOAD_TOO_LARGE.response();
        }
        if (schedule.isPresent() && request.method().equals("POST") && request.rawPath().equals(RUN_SCHEDULE_PATH)) {
            return request.fromLoopbackAddress() ? runSchedule(schedule.get()) : GatewayError.FORBIDDEN.response();
        }
        if (request.method().equals("POST") && request.rawPath().equals(SandboxCardPage.CONFIRM_PATH)) {
            return request.fromLoopbackAddress() ? SandboxCardPage.confirm(request.body()) : GatewayError.FORBIDDEN.response();
        }
        Optional<RouteMatch> found = router.match(request.method(), request.rawPath());
        if (found.isEmpty()) {
            return GatewayError.NOT_FOUND.response();
        }
        RouteMatch match = found.get();
        ApiEvent event = HttpApiEvents.routeEvent(request, match, clock.instant());
        RouteAuth auth = match.route().auth();
        if (auth instanceof RouteAuth.Iam) {
            if (!request.fromLoopbackAddress()) {
                return GatewayError.FORBIDDEN.response();
            }
            event.requestContext().putObject("authorizer").set("iam", localPrincipal());
        } else if (auth instanceof RouteAuth.Lambda lambda) {
            LambdaAuthorizer authorizer = authorizers.get(lambda.authorizer());
            Optional<List<String>> identity = authorizer.identity(request);
            if (identity.isEmpty()) {
                return GatewayError.UNAUTHORIZED.response();
            }
            var decision = authorizer.authorize(request, event, identity.get());
            if (!decision.allowed()) {
                return GatewayError.UNAUTHORIZED.response();
            }
            event.requestContext().putObject("authorizer").set("lambda", decision.context());
        }
        WarmFunction function = functions.get(match.route().function());
        return ProxyResponse.parse(function.spec().name(), function.invoke(event.bytes()));
    }

    private GatewayResponse runSchedule(ScheduledRun run) throws InvocationFailed {
        byte[] summary = run.runNow();
        try {
            JsonNode json = LocalJson.MAPPER.readTree(summary);
            if (json == null || json.isMissingNode()) {
                throw new InvocationFailed(run.spec().function().name() + " returned nothing");
            }
            return GatewayResponse.json(200, json.toString());
        } catch (IOException e) {
            throw new InvocationFailed(run.spec().function().name() + " returned something that is not JSON");
        }
    }

    /** What API Gateway puts in {@code requestContext.authorizer.iam} for a signed call; here, a local operator. */
    private static ObjectNode localPrincipal() {
        ObjectNode iam = LocalJson.MAPPER.createObjectNode()
                .put("accessKey", "LOCAL")
                .put("accountId", LocalContext.ACCOUNT)
                .put("callerId", "local")
                .putNull("principalOrgId")
                .put("userArn", "arn:aws:iam::" + LocalContext.ACCOUNT + ":user/local")
                .put("userId", "local");
        iam.putNull("cognitoIdentity");
        return iam;
    }
}
