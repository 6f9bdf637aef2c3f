package dev.smsbilling.endpoint;

/**
 * No DynamoDB endpoint could be had. Carries one sentence for the user and no stack trace:
 * the fix is an install, not a debugging session.
 */
public final class NoDynamoDbAvailable extends RuntimeException {
    static final String MESSAGE = "No DynamoDB endpoint is available: set DYNAMODB_ENDPOINT to a running server, "
            + "start a Docker engine (for LocalStack), or install moto for python3 with "
            + "`pip install 'moto[server]'` (or point MOTO_PYTHON at a Python that has it).";

    public NoDynamoDbAvailable(String detail) {
        super(detail == null || detail.isBlank() ? MESSAGE : MESSAGE + " (" + detail + ")", null, false, false);
    }
}
