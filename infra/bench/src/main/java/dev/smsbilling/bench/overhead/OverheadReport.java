package dev.smsbilling.bench.overhead;

import dev.smsbilling.endpoint.DynamoDbEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Markdown sections of REPORT.md for parts 3 and 4. */
final class OverheadReport {
    static final double OVERHEAD_TARGET = 1.2;

    private final DynamoDbEndpoint endpoint;
    private final boolean moto;
    private final List<String> lines = new ArrayList<>();
    private SendThroughput.Row oneClientOneAccount;

    OverheadReport(DynamoDbEndpoint endpoint) {
        this.endpoint = endpoint;
        this.moto = endpoint.origin().startsWith("moto");
    }

    private String database() {
        return moto ? "moto's server on loopback, every request serialised behind one lock" : endpoint.origin() + " (" + endpoint.uri().getHost() + ")";
    }

    void overhead(SendOverhead.Result r) {
        Percentiles h = r.handler();
        Percentiles b = r.bare();
        add("## Send overhead: the handler against its own DynamoDB requests", "",
                "Warm `SendChargeHandler.handleRequest` with a real `BillingStore` (`events/send-message.json` as bytes in, the response's",
                "bytes out, a new `Idempotency-Key` on every call) against the bare requests that send makes, issued with the SDK on the",
                "same client and table: `TransactGetItems` (account + idempotency record) then `TransactWriteItems` (the account update with",
                "the debit's conditions, the ledger entry, the completed idempotency record with the same stored answer), built beforehand",
                "by the store's own request builders. " + h.count() + " pairs, interleaved one by one (which side goes first alternates), after "
                        + r.warmup() + " untimed pairs;",
                "a fresh table every " + r.block() + " pairs, since moto's transactions slow down as a table grows. DynamoDB: " + database() + ".", "",
                "| | calls | p50 ms | p90 ms | p99 ms | mean ms |",
                "|---|---:|---:|---:|---:|---:|",
                row("handler (parse, price, hash, read, decide, write, answer)", h),
                row("bare requests (TransactGetItems + TransactWriteItems)", b),
                "| handler ÷ bare | | " + times(h.millis(50) / b.millis(50)) + " | " + times(h.millis(90) / b.millis(90)) + " | "
                        + times(h.millis(99) / b.millis(99)) + " | " + times(h.meanMillis() / b.meanMillis()) + " |", "");
        double ratio = h.millis(50) / b.millis(50);
        Percentiles own = r.outsideSdk();
        add("**Ratio at p50: " + times(ratio) + "** (target ≤ " + times(OVERHEAD_TARGET) + "): " + (ratio <= OVERHEAD_TARGET ? "met" : "**not met**")
                + "; at p99 " + times(h.millis(99) / b.millis(99)) + ".", "",
                "Our code's own time, measured per handler call as its time minus the time inside its own SDK calls (marshalling to",
                "unmarshalling, by an SDK interceptor): p50 " + ms(own.millis(50)) + " ms, p90 " + ms(own.millis(90)) + " ms, p99 "
                        + ms(own.millis(99)) + " ms" + (moto ? "." : ""));
        if (moto) {
            double fast = 10;
            double slow = 20;
            add("moto is slow (about " + ms(b.millis(50) / 2) + " ms per request here), which flatters the ratio. Against real DynamoDB,",
                    "with a send's two requests at 5–10 ms each (10–20 ms), the same p50 of our code would make the ratio "
                            + times((slow + own.millis(50)) / slow) + "–" + times((fast + own.millis(50)) / fast) + "",
                    "(on this shared 2-core machine; a 1 GB Lambda has less CPU than that).");
        }
        add("");
    }

    void throughput(List<SendThroughput.Row> rows, Duration measured) {
        Map<Integer, Map<Integer, SendThroughput.Row>> byClients = new LinkedHashMap<>();
        for (SendThroughput.Row row : rows) {
            byClients.computeIfAbsent(row.clients(), k -> new LinkedHashMap<>()).put(row.accounts(), row);
            if (row.clients() == 1 && row.accounts() == 1) {
                oneClientOneAccount = row;
            }
        }
        List<Integer> accountCounts = rows.stream().map(SendThroughput.Row::accounts).distinct().toList();
        add("## Sends per second through the handler", "",
                "N concurrent clients, each with its own `SendChargeHandler` and DynamoDB client (N warm Lambda instances), sending",
                "`events/send-message.json` with a new `Idempotency-Key` each, back to back, on one account or round-robin over "
                        + accountCounts.get(accountCounts.size() - 1) + "; "
                        + measured.toSeconds() + " s measured per configuration after a short warm-up, a fresh table each. Transactions per send:",
                "`TransactWriteItems` sent per accepted send (1.00 = no retry; the rest lost the seq race and were read and tried again).", "");
        StringBuilder header = new StringBuilder("| clients |");
        StringBuilder rule = new StringBuilder("|---:|");
        for (int accounts : accountCounts) {
            String on = accounts == 1 ? "1 account" : accounts + " accounts";
            header.append(" ").append(on).append(": sends/s | p50 ms | p99 ms | transactions per send |");
            rule.append("---:|---:|---:|---:|");
        }
        add(header.toString(), rule.toString());
        long failures = 0;
        for (Map.Entry<Integer, Map<Integer, SendThroughput.Row>> entry : byClients.entrySet()) {
            StringBuilder line = new StringBuilder("| " + entry.getKey() + " |");
            for (int accounts : accountCounts) {
                SendThroughput.Row row = entry.getValue().get(accounts);
                failures += row.failures();
                line.append(" ").append(String.format(Locale.ROOT, "%.0f", row.perSecond())).append(" | ")
                        .append(ms(row.latency().millis(50))).append(" | ").append(ms(row.latency().millis(99))).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", row.attemptsPerSend())).append(" |");
            }
            add(line.toString());
        }
        add("");
        if (failures > 0) {
            add("Sends not accepted (not 202, e.g. the retry deadline passed): " + failures + ".", "");
        }
        if (moto) {
            add("**These numbers measure the emulator.** moto runs every request behind one lock (it is not atomic otherwise), so",
                    "concurrent clients queue for the same single thread whether they share an account or not, and more clients on one",
                    "account only add lost races. On real DynamoDB, different accounts scale independently (each is its own partition",
                    "key), while one account still commits serially: every debit reads the account and commits a transaction conditioned",
                    "on the seq it read, so a second debit must wait for the first commit and read again — about one round trip per",
                    "debit at best, a read and a transaction in practice, plus retries when concurrent writers conflict (real DynamoDB",
                    "also cancels concurrent transactions on one item with `TransactionConflict`, which moto never does).", "");
        } else {
            add("One account commits serially (a debit reads the account and commits on the seq it read), so its line is bounded by",
                    "round trips and conflicts; separate accounts are separate partition keys and scale independently.", "");
        }
    }

    void capacity(List<CapacityOnPaper.Operation> operations) {
        add("## Capacity on paper: units per operation", "",
                "Each operation made by its function from its sample event, with a recording DynamoDB client: every call's items as",
                "read, and as they were just before and just after each write, priced by the documented rules — a standard write 1 WCU",
                "per started KB of the larger of the item before and after, a transactional write 2; a strongly consistent read 1 RCU",
                "per started 4 KB, transactional 2, eventually consistent 0.5, at least one step per item even when absent; a Query",
                "rounds the sum of its items once. Index entries (the sparse `auto-charge-due` index, KEYS_ONLY) are written after the",
                "commit at the standard rate: 1 WCU to add or remove one, 2 to move one.", "");
        add("| operation | made by | DynamoDB calls | items written, bytes (before → after) | WCU | of which index | RCU | reported by the endpoint |",
                "|---|---|---|---|---:|---:|---:|---:|");
        Map<String, CapacityOnPaper.Operation> byName = new LinkedHashMap<>();
        for (CapacityOnPaper.Operation op : operations) {
            byName.put(op.name(), op);
            String calls = op.calls().stream().map(OverheadReport::describe).collect(Collectors.joining(", "));
            String written = op.calls().stream().flatMap(c -> c.writes().stream()).map(OverheadReport::describe)
                    .collect(Collectors.joining(", "));
            Double reported = op.reported();
            add("| " + op.name() + " | " + op.how() + " | " + calls + " | " + (written.isEmpty() ? "—" : written) + " | "
                    + units(op.writeUnits()) + " | " + units(op.indexWriteUnits()) + " | " + units(op.readUnits()) + " | "
                    + (reported == null ? "—" : units(reported)) + " |");
        }
        add("");
        if (moto) {
            add("The last column is what moto answers to `ReturnConsumedCapacity=TOTAL`: fixed placeholders (1 per single-item call,",
                    "2 per item of a `TransactGetItems`, nothing for `TransactWriteItems`), not a measurement; \"—\" where it said nothing.",
                    "Run with `DYNAMODB_ENDPOINT` set to a real DynamoDB to fill it with DynamoDB's own figures.", "");
        }
        hotAccount(byName);
    }

    private void hotAccount(Map<String, CapacityOnPaper.Operation> ops) {
        CapacityOnPaper.Operation keyed = ops.get("send with Idempotency-Key");
        CapacityOnPaper.Operation plain = ops.get("send, no Idempotency-Key");
        if (keyed == null || plain == null) {
            return;
        }
        double wKeyed = keyed.writeUnits();
        double wPlain = plain.writeUnits();
        double rKeyed = keyed.readUnits();
        double rPlain = plain.readUnits();
        add("### One hot account", "",
                "Every item of an account (the account, its ledger, its idempotency records) shares the partition key `ACCOUNT#id`, so",
                "all of one account's traffic lands on one partition: at most " + HotAccount.PARTITION_WCU + " WCU and "
                        + HotAccount.PARTITION_RCU + " RCU per second, and the account item, which every",
                "debit rewrites, is a single item that no partition split can spread.", "",
                "| bound for one account | send with key | send without key |",
                "|---|---:|---:|",
                "| units per send | " + units(wKeyed) + " WCU, " + units(rKeyed) + " RCU | " + units(wPlain) + " WCU, " + units(rPlain) + " RCU |",
                "| write units (" + HotAccount.PARTITION_WCU + " WCU/s ÷ WCU per send) | " + rate(HotAccount.writeBound(wKeyed)) + " sends/s | "
                        + rate(HotAccount.writeBound(wPlain)) + " sends/s |",
                "| read units (" + HotAccount.PARTITION_RCU + " RCU/s ÷ RCU per send) | " + rate(HotAccount.readBound(rKeyed)) + " sends/s | "
                        + rate(HotAccount.readBound(rPlain)) + " sends/s |",
                "| serial commits, read + transaction at 5 ms each | " + rate(HotAccount.serialBound(5, 2)) + " sends/s | "
                        + rate(HotAccount.serialBound(5, 2)) + " sends/s |",
                "| serial commits, read + transaction at 10 ms each | " + rate(HotAccount.serialBound(10, 2)) + " sends/s | "
                        + rate(HotAccount.serialBound(10, 2)) + " sends/s |",
                "| serial commits, one round trip per debit (the best case) at 5–10 ms | " + rate(HotAccount.serialBound(10, 1)) + "–"
                        + rate(HotAccount.serialBound(5, 1)) + " sends/s | same |", "");
        String measured = oneClientOneAccount == null ? "" : " (here, on " + (moto ? "moto" : "this endpoint") + ": "
                + rate(oneClientOneAccount.perSecond()) + " sends/s with one client)";
        add("So one account tops out at the serial bound, about " + rate(HotAccount.serialBound(10, 2)) + "–" + rate(HotAccount.serialBound(5, 2))
                        + " sends/s" + measured + ", less under",
                "contention, which wastes attempts on `TransactionConflict` and lost seq races; the write-unit ceiling ("
                        + rate(HotAccount.writeBound(wKeyed)) + "/s with keys) is the next wall.",
                "What the hot-account design would need, for example for 1,000 sends/s on one account:",
                "- more than one debit per commit: a single writer per account that folds K pending sends into one transaction (one",
                "  account update plus K ledger entries and K idempotency records, at most 100 items): K ≥ 10 at 10 ms per commit;",
                "- or N balance shards, each its own item, seq and ledger, each under the serial bound (N ≥ " + (int) Math.ceil(1000 / HotAccount.serialBound(10, 2))
                        + " at 10 ms), with transfers between",
                "  shards and a statement that merges their ledgers;",
                "- and either way the write units: 1,000 sends/s × " + units(wKeyed) + " WCU = " + units(1000 * wKeyed)
                        + " WCU/s, " + HotAccount.partitionsFor(1000, wKeyed) + " partitions' worth, so ledger",
                "  entries and idempotency records must move under other partition keys (by shard or time bucket), leaving the",
                "  account (or shard) item its 2 WCU per commit.", "");
    }

    String markdown() {
        return String.join("\n", lines) + "\n";
    }

    private static String describe(CallRecorder.Call call) {
        int items = call.writes().size() + (call.query() ? 0 : call.readBytes().size());
        String count = call.query() ? call.readBytes().size() + (call.readBytes().size() == 1 ? " item" : " items") : items > 1 ? String.valueOf(items) : "";
        String read = call.read() == CapacityRules.Read.EVENTUAL ? ", eventual" : "";
        return "`" + call.operation() + "`" + (count.isEmpty() && read.isEmpty() ? "" : " (" + count + (count.isEmpty() ? read.substring(2) : read) + ")");
    }

    private static String describe(CallRecorder.Written w) {
        String sk = w.key().key().get("sk").s();
        String kind = sk.equals("ACCOUNT") ? "account" : sk.startsWith("TX#") ? "ledger" : sk.startsWith("IDEMPOTENCY#")
                ? "idempotency" : sk.equals("APIKEY") ? "API key" : sk;
        long before = CapacityRules.itemBytes(w.before());
        long after = CapacityRules.itemBytes(w.after());
        return kind + " " + (w.before() == null ? "new " + after : before + " → " + (w.after() == null ? "deleted" : after));
    }

    private static String row(String label, Percentiles p) {
        return "| " + label + " | " + p.count() + " | " + ms(p.millis(50)) + " | " + ms(p.millis(90)) + " | " + ms(p.millis(99))
                + " | " + ms(p.meanMillis()) + " |";
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String units(double units) {
        return units == Math.rint(units) ? String.format(Locale.ROOT, "%.0f", units) : String.format(Locale.ROOT, "%.1f", units);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private void add(String... more) {
        lines.addAll(List.of(more));
    }
}
