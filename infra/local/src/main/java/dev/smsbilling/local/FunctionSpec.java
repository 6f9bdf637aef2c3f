package dev.smsbilling.local;

import java.time.Duration;

/** One {@code AWS::Serverless::Function} of the template: the handler class Lambda would load. */
public record FunctionSpec(String name, String handlerClass, String handlerMethod, Duration timeout) {
}
