package dev.smsbilling.template;

import java.time.Duration;
import java.util.List;

/**
 * A Lambda authorizer of an HTTP API: the function, the headers that identify a caller, the
 * response format it answers in, and how long API Gateway caches its answer per identity.
 */
public record AuthorizerSpec(String name, FunctionSpec function, List<String> identityHeaders,
                             boolean simpleResponses, Duration reauthorizeEvery) {
}
