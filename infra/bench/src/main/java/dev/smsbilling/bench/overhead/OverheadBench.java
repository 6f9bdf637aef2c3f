package dev.smsbilling.bench.overhead;

import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.endpoint.DynamoDbEndpoints;
import dev.smsbilling.endpoint.Environment;
import dev.smsbilling.endpoint.NoDynamoDbAvailable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Parts 3 and 4 of the benchmarks: what our code adds to a send's own DynamoDB time, sends per
 * second with concurrent clients, and the capacity units of every operation. Writes one Markdown
 * section.
 *
 * <p>Usage: {@code OverheadBench [--quick] [--out file.md]}. DynamoDB: {@code DYNAMODB_ENDPOINT}
 * if set, else moto's server started for the run.
 */
public final class OverheadBench {
    static final int[] CLIENTS = {1, 4, 16};
    static final int[] ACCOUNTS = {1, 16};

    private OverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        String markdown;
        try {
            markdown = run(quick);
        } catch (NoDynamoDbAvailable e) {
            markdown = "## Send overhead, throughput and capacity\n\nNot measured: " + e.getMessage() + "\n";
        }
        if (out != null) {
            Files.writeString(out, markdown);
        } else {
            System.out.print(markdown);
        }
        System.exit(0); // moto's shutdown hook stops the server
    }

    private static String run(boolean quick) throws Exception {
        DynamoDbEndpoint endpoint = DynamoDbEndpoints.choose(Environment.system(), false);
        DynamoDbClient client = endpoint.client();
        OverheadReport report = new OverheadReport(endpoint);

        int pairs = quick ? 200 : 1000;
        int block = 50; // small tables: moto's transactions slow down as a table grows
        int warmup = quick ? 100 : 300;
        log("overhead: " + pairs + " interleaved pairs after " + warmup + " untimed");
        CallRecorder timer = CallRecorder.counting();
        try (DynamoDbClient timed = Fixture.client(endpoint, timer)) {
            report.overhead(new SendOverhead(timed, timer).run(pairs, block, warmup));
        }

        Duration warm = quick ? Duration.ofMillis(500) : Duration.ofSeconds(1);
        Duration measured = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(6);
        SendThroughput throughput = new SendThroughput(endpoint, client);
        List<SendThroughput.Row> rows = new ArrayList<>();
        for (int accounts : ACCOUNTS) {
            for (int clients : CLIENTS) {
                log("throughput: " + clients + " clients on " + accounts + " account(s)");
                rows.add(throughput.run(clients, accounts, warm, measured));
            }
        }
        report.throughput(rows, measured);

        log("capacity: one operation at a time");
        report.capacity(new CapacityOnPaper(endpoint, client).run());
        return report.markdown();
    }

    private static void log(String message) {
        System.err.println("[bench] " + message);
    }
}
