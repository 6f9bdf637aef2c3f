package dev.smsbilling.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.smsbilling.template.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The Lambda context of one local invocation. The remaining time counts down from the
 * function's Timeout, because the handlers stop retrying when it runs low.
 */
public final class LocalContext implements Context {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private final String functionName;
    private final long deadlineNanos;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;

    /** The context the local API gives a function: its log lines on stdout, prefixed with its name. */
    LocalContext(FunctionSpec function) {
        this(function.name(), function.timeout(), prefixedStdout("[" + function.name() + "] "));
    }

    /** A context for a function driven directly, logging where {@code logger} says. */
    public LocalContext(String functionName, Duration timeout, LambdaLogger logger) {
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.logger = logger;
    }

    private static LambdaLogger prefixedStdout(String prefix) {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(prefix + message.stripTrailing());
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
