package dev.smsbilling.bench.coldstart.launcher;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The invocation context a handler may ask for: ids, the remaining time counting down from the
 * call's start as Lambda's does (so the store's retry deadline is real), a logger to stderr or
 * none. The benchmarks' one context; it depends on nothing but the Lambda core library, so the
 * launcher can carry it into a function's fresh JVM.
 */
public final class MinimalContext implements Context, LambdaLogger {
    private final long deadlineNanos;
    private final boolean logs;

    MinimalContext(int timeoutMillis) {
        this(timeoutMillis, true);
    }

    private MinimalContext(int timeoutMillis, boolean logs) {
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.logs = logs;
    }

    /**
     * A context whose logger drops every line: a timed call's per-request line, which in Lambda
     * goes to CloudWatch outside the handler's clock.
     */
    public static MinimalContext quiet(int timeoutMillis) {
        return new MinimalContext(timeoutMillis, false);
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
        if (logs) {
            System.err.println(message);
        }
    }

    @Override
    public void log(byte[] message) {
        if (logs) {
            System.err.write(message, 0, message.length);
        }
    }
}
