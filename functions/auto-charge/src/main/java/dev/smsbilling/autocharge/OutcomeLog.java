package dev.smsbilling.autocharge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.store.Timestamps;
import dev.smsbilling.billing.store.UnsettledTopUp;
import dev.smsbilling.http.telemetry.Metric;
import dev.smsbilling.http.telemetry.Telemetry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * One JSON line per account and per top-up the sweep looked at, for CloudWatch Logs Insights,
 * and the outcomes counted as metrics on the run's own telemetry line. Only ids, outcomes,
 * amounts and processor codes: never a payment method, a card detail or a key, which is why it
 * takes an {@link AccountResult} or an {@link UnsettledTopUp} and nothing else.
 */
final class OutcomeLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final Clock clock;

    OutcomeLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void record(AccountResult result, long millis) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", Timestamps.format(clock.instant()))
                .put("event", "auto_charge")
                .put("accountId", result.accountId())
                .put("outcome", result.outcome().logName())
                .put("amountMicros", result.amountMicros())
                .put("detail", result.detail())
                .put("ms", millis);
        accept(line.toString());
        Telemetry.current().add(metric(result.outcome())).add(Metric.MICROS_AUTO_CHARGED, result.amountMicros());
    }

    /** One line per top-up hold the sweep looked at: ids, outcome and why, as for an account. */
    void swept(UnsettledTopUp hold, TopUpSweep.Settled settled, String detail, long millis) {
        ObjectNode line = sweepLine(settled, detail)
                .put("accountId", hold.accountId())
                .put("chargeStartedAt", Timestamps.format(hold.chargeStartedAt()))
                .put("ms", millis);
        accept(line.toString());
    }

    /** The sweep could not even list its work (its query failed). */
    void sweepFailed(String detail) {
        accept(sweepLine(TopUpSweep.Settled.FAILED, detail).toString());
    }

    /** A sweep line's common fields, with its outcome counted as a metric (a hold left for the next run is not). */
    private ObjectNode sweepLine(TopUpSweep.Settled settled, String detail) {
        settled.metric().ifPresent(Telemetry.current()::add);
        return JSON.createObjectNode()
                .put("at", Timestamps.format(clock.instant()))
                .put("event", "top_up_sweep")
                .put("outcome", settled.name().toLowerCase(Locale.ROOT))
                .put("detail", detail);
    }

    /** The run's summary goes on the invocation's own line, with the outcome counts as metrics. */
    void summary(RunSummary summary, long millis) {
        Telemetry.current().field("event", "auto_charge_run")
                .field("due", summary.due())
                .field("charged", summary.charged())
                .field("declined", summary.declined())
                .field("skipped", summary.skipped())
                .field("ms", millis);
    }

    /** The sweep's count beside the run's on the invocation's line. */
    void sweepSummary(SweepSummary summary) {
        Telemetry.current().field("topUpsUnsettled", summary.unsettled()).field("topUpsLeft", summary.left());
    }

    private static Metric metric(Outcome outcome) {
        return switch (outcome) {
            case CHARGED -> Metric.AUTO_CHARGES_CHARGED;
            case DECLINED -> Metric.AUTO_CHARGES_DECLINED;
            case DISABLED -> Metric.AUTO_CHARGES_DISABLED;
            case ACTION_REQUIRED -> Metric.AUTO_CHARGES_ACTION_REQUIRED;
            case SKIPPED -> Metric.AUTO_CHARGES_SKIPPED;
            case UNAVAILABLE -> Metric.AUTO_CHARGES_UNAVAILABLE;
            case FAILED -> Metric.AUTO_CHARGES_FAILED;
        };
    }

    private void accept(String line) {
        out.println(line);
    }
}
