package dev.smsbilling.http.telemetry;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.smsbilling.http.Settings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one invocation tells the on-call engineer: one JSON line on stdout when it ends, which is
 * both its structured log entry (request id, route, account, outcome code, latency, and what the
 * handler added) and a CloudWatch Embedded Metric Format document, so CloudWatch turns the same
 * line into the {@link Metric}s the alarms and the dashboard read. No metrics API call, no
 * agent, nothing to flush: a line written is a metric published.
 *
 * <p>Only what the code itself names goes in: ids, codes, counts and amounts. Never a key, a
 * payment method, a message text or a path a client typed.
 *
 * <p>Stdout rather than the runtime's LambdaLogger: with the template's JSON log format the
 * LambdaLogger wraps each message in its own JSON as a string, which would hide the metric
 * document; stdout lines reach CloudWatch Logs as they are.
 *
 * <p>The invocation's telemetry is bound to its thread, and inherited by the threads it starts
 * (the scheduled auto-charge works on a pool it creates per run), so code deep in the store can
 * count a retry without every call carrying it. Outside an invocation {@link #current()} counts
 * into nothing.
 */
public final class Telemetry {
    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    static final String DEFAULT_NAMESPACE = "SmsBilling";
    private static final String NAMESPACE = Settings.fromEnvironment().optional(NAMESPACE_VARIABLE).orElse(DEFAULT_NAMESPACE);
    private static final InheritableThreadLocal<Telemetry> CURRENT = new InheritableThreadLocal<>();
    private static final Telemetry DETACHED = new Telemetry(null, null, false, false);
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_CAUSES = 5;
    private static final int MAX_FRAMES = 12;

    private final String service;
    private final String requestId;
    private final boolean writes;
    /** Rendered like any other line, then thrown away: a rehearsal is not a customer's request. */
    private final boolean rehearsal;
    private final Map<Metric, Long> metrics = new EnumMap<>(Metric.class);
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private String refusalCode;
    private String failure;
    private boolean ended;

    private Telemetry(String service, String requestId, boolean writes, boolean rehearsal) {
        this.service = service;
        this.requestId = requestId;
        this.writes = writes;
        this.rehearsal = rehearsal;
    }

    /** Starts the telemetry of an invocation of {@code service} on this thread. */
    public static Telemetry begin(String service, String requestId) {
        return bind(new Telemetry(service, requestId, true, false));
    }

    /**
     * The telemetry of a Lambda invocation; without a context (SnapStart priming, which has none)
     * a rehearsal: the same line is built and rendered, so the first customer request does not
     * pay for loading and compiling that path, and it is never published.
     */
    public static Telemetry begin(String service, Context context) {
        return context == null ? bind(new Telemetry(service, "priming", true, true)) : begin(service, context.getAwsRequestId());
    }

    private static Telemetry bind(Telemetry telemetry) {
        CURRENT.set(telemetry);
        return telemetry;
    }

    /** The invocation's telemetry on this thread, or one that writes nothing. */
    public static Telemetry current() {
        Telemetry telemetry = CURRENT.get();
        return telemetry == null ? DETACHED : telemetry;
    }

    /** Telemetry that is never written, outside any invocation. */
    public static Telemetry detached() {
        return DETACHED;
    }

    /** The {@code Service} of a handler class: SendChargeHandler is "send-charge", as its module is named. */
    public static String serviceOf(Class<?> handler) {
        String name = handler.getSimpleName().replaceFirst("Handler$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Adds {@code value} to the metric (a count, an amount; for latency, the one measurement). */
    public synchronized Telemetry add(Metric metric, long value) {
        if (writes) {
            metrics.merge(metric, value, Math::addExact);
        }
        return this;
    }

    public Telemetry add(Metric metric) {
        return add(metric, 1);
    }

    /** A field of the log line. */
    public synchronized Telemetry field(String name, Object value) {
        if (writes && value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** The request was refused with this error code: the line's code, and counted by code. */
    public synchronized Telemetry refused(String code) {
        if (writes) {
            refusalCode = code;
            field("code", code).add(Metric.REFUSALS);
        }
        return this;
    }

    /**
     * An unexpected failure, logged by exception classes and frames but no messages: a parser's
     * or a number format's message can quote the customer's input.
     */
    public synchronized Telemetry failed(Throwable thrown) {
        if (!writes) {
            return this;
        }
        StringBuilder line = new StringBuilder();
        int causes = 0;
        for (Throwable t = thrown; t != null && causes < MAX_CAUSES; t = t.getCause(), causes++) {
            line.append(causes == 0 ? "" : " caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                line.append(" at ").append(frames[i]);
            }
        }
        failure = line.toString();
        return this;
    }

    /** Writes the line, once, and unbinds it from the thread. */
    public void end() {
        String line;
        synchronized (this) {
            if (!writes || ended) {
                return;
            }
            ended = true;
            line = render(Instant.now());
        }
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        if (!rehearsal) {
            System.out.println(line);
        }
    }

    private String render(Instant now) {
        var out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", now.toString());
            g.writeStringField("level", failure == null ? "INFO" : "ERROR");
            g.writeStringField("Service", service);
            g.writeStringField("requestId", requestId);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                g.writeFieldName(field.getKey());
                if (field.getValue() instanceof Number number) {
                    g.writeNumber(number.longValue());
                } else {
                    g.writeString(String.valueOf(field.getValue()));
                }
            }
            if (failure != null) {
                g.writeStringField("failure", failure);
            }
            if (refusalCode != null) {
                g.writeStringField("Code", refusalCode);
            }
            for (Map.Entry<Metric, Long> metric : metrics.entrySet()) {
                g.writeNumberField(metric.getKey().metricName(), metric.getValue());
            }
            writeMetricDirectives(g, now);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * EMF's {@code _aws} member: every metric per Service and summed (the empty dimension set);
     * refusals also per code. The values are the line's own top-level members.
     */
    private void writeMetricDirectives(JsonGenerator g, Instant now) throws IOException {
        g.writeObjectFieldStart("_aws");
        g.writeNumberField("Timestamp", now.toEpochMilli());
        g.writeArrayFieldStart("CloudWatchMetrics");
        if (!metrics.isEmpty()) {
            directive(g, metrics.keySet(), new String[][] {{"Service"}, {}});
        }
        if (refusalCode != null) {
            directive(g, EnumSet.of(Metric.REFUSALS), new String[][] {{"Service", "Code"}, {"Code"}});
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void directive(JsonGenerator g, Iterable<Metric> names, String[][] dimensionSets) throws IOException {
        g.writeStartObject();
        g.writeStringField("Namespace", NAMESPACE);
        g.writeArrayFieldStart("Dimensions");
        for (String[] set : dimensionSets) {
            g.writeStartArray();
            for (String dimension : set) {
                g.writeString(dimension);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Metrics");
        for (Metric metric : names) {
            g.writeStartObject();
            g.writeStringField("Name", metric.metricName());
            g.writeStringField("Unit", metric.unit().cloudWatchName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
