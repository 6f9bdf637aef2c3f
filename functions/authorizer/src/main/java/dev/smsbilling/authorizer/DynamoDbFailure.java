package dev.smsbilling.authorizer;

import java.io.IOException;

/** DynamoDB answered with an error; {@code retryable} when it asks to be asked again (throttling, 5xx). */
final class DynamoDbFailure extends IOException {
    private final boolean retryable;

    DynamoDbFailure(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
