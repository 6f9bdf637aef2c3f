package dev.smsbilling.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Lambda context of one local invocation. The remaining time counts down from the
 * function's Timeout, because the handlers stop retrying when it runs low.
 */
final class LocalContext implements Context {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";

    private final FunctionSpec function;
    private final long deadlineNanos;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;

    LocalContext(FunctionSpec function) {
        this.function = function;
        this.deadlineNanos = System.nanoTime() + function.timeout().toNanos();
        String prefix = "[" + function.name() + "] ";
        this.logger = new LambdaLogger() {
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
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + function.name();
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
