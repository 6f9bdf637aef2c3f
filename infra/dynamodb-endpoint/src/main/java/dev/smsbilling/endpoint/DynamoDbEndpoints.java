package dev.smsbilling.endpoint;

import java.net.URI;

/**
 * Decides which DynamoDB the tests and the local API talk to, in this order, and says which:
 * <ol>
 *   <li>{@code DYNAMODB_ENDPOINT}, a server that is already running;</li>
 *   <li>LocalStack through Testcontainers, when a Docker engine answers (tests only);</li>
 *   <li>moto's server, started as a child process behind a serialising lock.</li>
 * </ol>
 * Without any of them: {@link NoDynamoDbAvailable}, one sentence saying what to install.
 */
public final class DynamoDbEndpoints {
    private static DynamoDbEndpoint shared;
    private static NoDynamoDbAvailable sharedFailure;

    private DynamoDbEndpoints() {
    }

    /** The endpoint of this JVM's tests, chosen once and reused by every test class. */
    public static synchronized DynamoDbEndpoint forTests() {
        if (sharedFailure != null) {
            throw sharedFailure;
        }
        if (shared == null) {
            try {
                shared = choose(Environment.system(), true);
            } catch (NoDynamoDbAvailable e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    /**
     * Chooses an endpoint and logs the choice. {@code docker} allows LocalStack: the local API
     * leaves it out, since a run for a person should start in seconds.
     */
    public static DynamoDbEndpoint choose(Environment env, boolean docker) {
        DynamoDbEndpoint chosen = pick(env, docker);
        System.out.println("[dynamodb] using " + chosen);
        return chosen;
    }

    private static DynamoDbEndpoint pick(Environment env, boolean docker) {
        String configured = env.get("DYNAMODB_ENDPOINT");
        if (configured != null && !configured.isBlank()) {
            return new DynamoDbEndpoint(parse(configured), "DYNAMODB_ENDPOINT");
        }
        if (docker && LocalStack.dockerAnswers(env)) {
            return LocalStack.start();
        }
        MotoServer moto = MotoServer.start(env);
        return new DynamoDbEndpoint(moto.uri(), "moto server, requests serialised, python " + moto.python());
    }

    private static URI parse(String configured) {
        try {
            URI uri = URI.create(configured.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new NoDynamoDbAvailable("DYNAMODB_ENDPOINT=" + configured + " is not a URL such as http://127.0.0.1:4566");
        }
    }
}
