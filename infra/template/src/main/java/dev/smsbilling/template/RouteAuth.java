package dev.smsbilling.template;

/** How API Gateway guards a route, as the template declares it. */
public sealed interface RouteAuth {

    /** {@code Auth.Authorizer: NONE}, or an API without a default authorizer. */
    record Open() implements RouteAuth {
    }

    /** {@code AWS_IAM}: signed requests in AWS; locally, loopback callers only. */
    record Iam() implements RouteAuth {
    }

    /** A Lambda authorizer of the API's {@code Auth.Authorizers}. */
    record Lambda(AuthorizerSpec authorizer) implements RouteAuth {
    }
}
