package dev.smsbilling.autocharge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.billing.store.Timestamps;
import java.io.PrintStream;
import java.time.Clock;

/**
 * One JSON line per account, for CloudWatch Logs Insights. Only ids, outcomes, amounts and
 * processor codes: never a payment method, a card detail or a key, which is why it takes an
 * {@link AccountResult} and nothing else.
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
    }

    void summary(RunSummary summary, long millis) {
        ObjectNode line = JSON.createObjectNode()
                .put("at", Timestamps.format(clock.instant()))
                .put("event", "auto_charge_run")
                .put("due", summary.due())
                .put("charged", summary.charged())
                .put("declined", summary.declined())
                .put("skipped", summary.skipped())
                .put("ms", millis);
        accept(line.toString());
    }

    private void accept(String line) {
        out.println(line);
    }
}
