package dev.smsbilling.autocharge;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.aws.AwsAccess;
import dev.smsbilling.billing.payment.PaymentProcessor;
import dev.smsbilling.billing.runtime.PaymentProcessors;
import dev.smsbilling.billing.runtime.Stores;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.http.Priming;
import dev.smsbilling.http.Settings;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * The scheduled payments run (EventBridge, every minute): tops up every account whose balance
 * fell below its threshold, once per crossing, then settles the top-ups whose request died after
 * it may have charged ({@link TopUpSweep}), and answers {@code {"due", "charged", "declined",
 * "skipped", "topUps": {...}}}. The event carries nothing the run needs (the schedule is the
 * whole input), so it is only checked to be JSON: a run is the same whenever and however often
 * it is triggered.
 */
public final class AutoChargeHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = Telemetry.serviceOf(AutoChargeHandler.class);

    private final AutoChargeRun run;
    private final TopUpSweep sweep;

    /** Lambda's entry: store and processor are built once per instance. */
    public AutoChargeHandler() {
        this(Settings.fromEnvironment());
        // A whole run, the SDK's path included: priming's DynamoDB requests are answered without
        // being sent, from a made-up table in which no account is due (billing.runtime.StorePriming),
        // so the run ends there. Checked, as the HTTP functions' priming is: a run that found
        // something to do before a snapshot must be seen.
        Priming.beforeSnapshot("auto-charge", () -> {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), answer, null);
            String summary = answer.toString(StandardCharsets.UTF_8);
            if (!summary.equals(new RunSummary(0, 0, 0, 0).toJson(SweepSummary.NONE))) {
                throw new IllegalStateException("a priming run answered " + summary + ", not an empty run");
            }
        });
    }

    private AutoChargeHandler(Settings settings) {
        this(settings, AwsAccess.fromSettings(settings));
    }

    /** One way to AWS for the store and the processor's secret: the instance fetches its credentials once. */
    private AutoChargeHandler(Settings settings, AwsAccess aws) {
        this(Stores.fromSettings(settings, aws), PaymentProcessors.fromSettings(settings, aws), Clock.systemUTC());
    }

    /**
     * @param clock stamps the log lines; tests pass the controllable clock their store uses, so
     *     the logs tell the same time as the claims
     */
    public AutoChargeHandler(BillingStore store, PaymentProcessor processor, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(clock, "clock");
        OutcomeLog log = new OutcomeLog(System.out, clock);
        this.run = new AutoChargeRun(store, processor, log);
        this.sweep = new TopUpSweep(store, processor, log, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Telemetry telemetry = Telemetry.begin(SERVICE, context);
        long started = System.nanoTime();
        try {
            requireJson(input.readAllBytes());
            RunBudget budget = RunBudget.of(context);
            RunSummary charged = run.run(budget);
            SweepSummary swept = sweep.run(budget);
            output.write(charged.toJson(swept).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            // Thrown on to Lambda, whose Errors metric (and the alarm on it) counts the failed run.
            telemetry.failed(e);
            throw e;
        } finally {
            telemetry.add(Metric.LATENCY, (System.nanoTime() - started) / 1_000_000).end();
        }
    }

    private static void requireJson(byte[] event) {
        try {
            if (JSON.readTree(event).isMissingNode()) {
                throw new IllegalArgumentException("the scheduled event is empty");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the scheduled event is not JSON", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the scheduled event cannot be read", e);
        }
    }
}
