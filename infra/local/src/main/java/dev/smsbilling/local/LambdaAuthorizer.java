package dev.smsbilling.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.ApiEvent;
import dev.smsbilling.template.AuthorizerSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Lambda authorizer as API Gateway runs it: the identity headers must all be present, the
 * function decides, and its decision is cached per identity for {@code ReauthorizeEvery}
 * seconds (denials too, as API Gateway caches both).
 */
final class LambdaAuthorizer {
    record Decision(boolean allowed, ObjectNode context) {
    }

    private record Cached(Decision decision, Instant expires) {
    }

    private final AuthorizerSpec spec;
    private final WarmFunction function;
    private final Clock clock;
    private final Map<List<String>, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizer(AuthorizerSpec spec, WarmFunction function, Clock clock) {
        this.spec = spec;
        this.function = function;
        this.clock = clock;
    }

    /** The identity header values, or empty when one is missing: then API Gateway answers 401 without a call. */
    Optional<List<String>> identity(IncomingRequest request) {
        List<String> values = new ArrayList<>();
        for (String header : spec.identityHeaders()) {
            String value = request.header(header);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    Decision authorize(IncomingRequest request, ApiEvent routeEvent, List<String> identity)
            throws InvocationFailed {
        boolean cacheable = !spec.reauthorizeEvery().isZero() && !identity.isEmpty();
        Instant now = clock.instant();
        Cached cached = cacheable ? cache.get(identity) : null;
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.decision();
        }
        ObjectNode event = HttpApiEvents.authorizerEvent(routeEvent, request, identity);
        Decision decision = decision(function.invoke(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (cacheable) {
            cache.put(List.copyOf(identity), new Cached(decision, now.plus(spec.reauthorizeEvery())));
        }
        return decision;
    }

    private Decision decision(byte[] output) throws InvocationFailed {
        JsonNode answer;
        try {
            answer = LocalJson.MAPPER.readTree(output);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new InvocationFailed(spec.name() + " answered something that is not a JSON object");
        }
        boolean allowed;
        if (spec.simpleResponses()) {
            if (!answer.path("isAuthorized").isBoolean()) {
                throw new InvocationFailed(spec.name() + " answered without a boolean isAuthorized");
            }
            allowed = answer.get("isAuthorized").asBoolean();
        } else {
            allowed = allowsInvoke(answer.path("policyDocument"));
        }
        JsonNode context = answer.path("context");
        ObjectNode copy = context.isObject() ? ((ObjectNode) context).deepCopy() : LocalJson.MAPPER.createObjectNode();
        return new Decision(allowed, copy);
    }

    /** An IAM policy answer: allowed if a statement allows; a local API has one resource, so it is not matched. */
    private static boolean allowsInvoke(JsonNode policy) {
        boolean allowed = false;
        for (JsonNode statement : policy.path("Statement")) {
            String effect = statement.path("Effect").asText();
            if (effect.equalsIgnoreCase("Deny")) {
                return false;
            }
            allowed |= effect.equalsIgnoreCase("Allow");
        }
        return allowed;
    }
}
