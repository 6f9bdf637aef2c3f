package dev.smsbilling.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smsbilling.local.fixtures.SummaryHandler;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.ScheduleSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ScheduleTickerTest {

    @Test
    void ticksTheScheduledFunctionAndLogsItsSummary() throws InterruptedException {
        SamTemplate template = TestTemplates.local();
        ScheduleSpec schedule = template.firstSchedule().orElseThrow();
        List<String> log = new CopyOnWriteArrayList<>();
        int before = SummaryHandler.RUNS.get();
        try (Functions functions = new Functions(template.functions(), HandlerFactory.byClassName());
             ScheduleTicker ticker = ScheduleTicker.start(
                     new ScheduledRun(schedule, functions.get(schedule.function()), Clock.systemUTC()), Duration.ofMillis(20), log::add)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (SummaryHandler.RUNS.get() < before + 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(SummaryHandler.RUNS.get()).isGreaterThanOrEqualTo(before + 2);
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("schedule SummaryFunction {\"due\":0"));
    }
}
