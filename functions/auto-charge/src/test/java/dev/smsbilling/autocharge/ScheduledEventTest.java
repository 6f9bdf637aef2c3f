package dev.smsbilling.autocharge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.billing.payment.sandbox.SandboxPaymentProcessor;
import dev.smsbilling.billing.store.BillingStore;
import dev.smsbilling.billing.store.dynamodb.DynamoDbBillingStore;
import dev.smsbilling.billing.testing.MovableClock;
import dev.smsbilling.endpoint.RealDynamoDb;
import dev.smsbilling.endpoint.TestTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** events/scheduled-auto-charge.json drives the handler, on a table of its own so the counts are exact. */
@RealDynamoDb
class ScheduledEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = new MovableClock();
    private final BillingStore store;
    private final Accounts accounts;

    ScheduledEventTest(TestTable table) {
        this.store = new DynamoDbBillingStore(table.client(), table.name(), clock);
        this.accounts = new Accounts(store);
    }

    @Test
    void theSampleEventRunsEveryDueAccountAndSummarisesThem() throws Exception {
        JsonNode event = JSON.readTree(ScheduledEvent.sample());
        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        String visa = accounts.due("pm_card_visa");
        String declined = accounts.due("pm_card_chargeDeclined");
        String toppedUpByHand = accounts.due("pm_card_mastercard");
        accounts.addFunds(toppedUpByHand, 10_000_000);
        accounts.open(1_000_000); // below the threshold, but auto-charge never turned on

        List<String> lines = new ArrayList<>();
        RunSummary summary = capturingStdout(lines, // the handler logs to the stdout it was built with, as in Lambda
                () -> ScheduledEvent.invoke(new AutoChargeHandler(store, new SandboxPaymentProcessor(), clock)));

        assertThat(summary).isEqualTo(new RunSummary(3, 1, 1, 1));
        List<JsonNode> perAccount = new ArrayList<>();
        for (String line : lines) {
            JsonNode json = JSON.readTree(line);
            if (json.path("event").asText().equals("auto_charge")) {
                perAccount.add(json);
            }
        }
        assertThat(perAccount).hasSize(3);
        assertThat(perAccount).allSatisfy(line -> assertThat(line.has("accountId") && line.has("outcome")
                && line.has("amountMicros") && line.has("ms")).isTrue());
        assertThat(perAccount).anySatisfy(line -> {
            assertThat(line.path("accountId").asText()).isEqualTo(visa);
            assertThat(line.path("outcome").asText()).isEqualTo("charged");
            assertThat(line.path("amountMicros").asLong()).isEqualTo(Accounts.AMOUNT);
        });
        assertThat(perAccount).anySatisfy(line -> {
            assertThat(line.path("accountId").asText()).isEqualTo(declined);
            assertThat(line.path("outcome").asText()).isEqualTo("declined");
        });
        assertThat(String.join("\n", lines)).as("no payment method or key in the logs")
                .doesNotContain("pm_", "autocharge_", "ch_sandbox");
        accounts.opened().forEach(accounts::assertBalanceIsLedgerSum);
    }

    private static RunSummary capturingStdout(List<String> lines, java.util.function.Supplier<RunSummary> run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return run.get();
        } finally {
            System.setOut(original);
            captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).forEach(lines::add);
        }
    }
}
