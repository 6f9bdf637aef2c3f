package dev.smsbilling.bench.coldstart.launcher;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The invocation context a handler may ask for: ids, the remaining time, a logger to stderr. */
final class MinimalContext implements Context, LambdaLogger {
    private final long deadlineNanos;

    MinimalContext(int timeoutMillis) {
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    @Override
    public String getAwsRequestId() {
        return "00000000-0000-0000-0000-000000000000";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/coldstart";
    }

    @Override
    public String getLogStreamName() {
        return "coldstart";
    }

    @Override
    public String getFunctionName() {
        return "coldstart";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:coldstart";
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
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    @Override
    public void log(String message) {
        System.err.println(message);
    }

    @Override
    public void log(byte[] message) {
        System.err.write(message, 0, message.length);
    }
}
