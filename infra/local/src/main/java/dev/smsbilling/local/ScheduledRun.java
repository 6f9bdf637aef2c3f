package dev.smsbilling.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.template.ScheduleSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Invokes a scheduled function with the event EventBridge would send it on a tick. */
final class ScheduledRun {
    private final ScheduleSpec spec;
    private final WarmFunction function;
    private final Clock clock;

    ScheduledRun(ScheduleSpec spec, WarmFunction function, Clock clock) {
        this.spec = spec;
        this.function = function;
        this.clock = clock;
    }

    ScheduleSpec spec() {
        return spec;
    }

    byte[] runNow() throws InvocationFailed {
        return function.invoke(event(clock.instant()).toString().getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode event(Instant now) {
        ObjectNode event = LocalJson.MAPPER.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.events")
                .put("account", LocalContext.ACCOUNT)
                .put("time", now.truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", LocalContext.REGION);
        event.putArray("resources").add("arn:aws:events:" + LocalContext.REGION + ":" + LocalContext.ACCOUNT
                + ":rule/" + spec.function().name() + "-" + spec.name());
        event.putObject("detail");
        return event;
    }
}
