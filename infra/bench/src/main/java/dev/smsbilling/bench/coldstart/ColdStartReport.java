package dev.smsbilling.bench.coldstart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The Markdown section of REPORT.md for one cold-start run. */
final class ColdStartReport {
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
    private static final Pattern ERROR_CODE = Pattern.compile("\\\\\"code\\\\\"\\s*:\\s*\\\\\"([a-z_]+)\\\\\"");

    private final ColdStart run;
    private final List<String> lines = new ArrayList<>();

    ColdStartReport(ColdStart run) {
        this.run = run;
    }

    String markdown() {
        double floorA = median(ColdStart.FLOOR_STREAM, Launch.Result::totalMs);
        double floorB = median(ColdStart.FLOOR_API, Launch.Result::totalMs);
        List<String> measured = labels();

        add("## Cold start: one fresh JVM per invocation", "");
        add("Each function of template.yaml is started the way Lambda's Java runtime starts it: a new `java` with the",
                "template's `JAVA_TOOL_OPTIONS` plus `-Xshare:auto` (`" + String.join(" ", run.lambdaFlags()) + "`), whose classpath is",
                "the function's deployment zip unpacked (root, then `lib/*.jar`) behind a small launcher that is not part of the zip.",
                "The launcher loads the `Handler` class, constructs it with its no-arg constructor and calls `handleRequest` once",
                "with the function's event from `events/`; the clock runs from spawning the process to the complete first response.",
                run.repetitions() + " rounds, interleaved (each round rotates the order). The launch of Lambda's own runtime client and",
                "its network calls are not emulated: both floors carry the same missing part, so read the ratios.", "");
        add("- DynamoDB: " + run.dynamoDb() + ", table created from template.yaml; seeded: " + run.seeded() + ".",
                "  Each DynamoDB function does its real round trips; the events' idempotency keys are forgotten before every start.",
                "- Floor (a): an empty `RequestStreamHandler` writing `{}`. Floor (b): the conventional empty",
                "  `RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>`, its event deserialised and its answer serialised",
                "  with aws-lambda-java-serialization 1.4.1 as the managed runtime does. Both get `events/quote.json`.", "");

        add("| | event | answer | median ms | min ms | × floor (a) | × floor (b) | target (× floor b) | met |",
                "|---|---|---|---:|---:|---:|---:|---:|---|");
        for (String label : measured) {
            double median = median(label, Launch.Result::totalMs);
            double min = min(label, Launch.Result::totalMs);
            Double target = ratioTarget(label);
            double ratioB = Stats.ratio(median, floorB);
            String met = target == null ? "" : ratioB <= target ? "yes" : "**no**";
            add("| " + display(label) + " | " + run.events().getOrDefault(label, "") + " | " + answer(label) + " | "
                    + Stats.ms(median) + " | " + Stats.ms(min) + " | " + Stats.times(Stats.ratio(median, floorA)) + " | "
                    + Stats.times(ratioB) + " | " + (target == null ? "" : "≤ " + String.format(Locale.ROOT, "%.1f×", target))
                    + " | " + met + " |");
        }
        for (Map.Entry<String, String> failed : run.failures().entrySet()) {
            add("| " + display(failed.getKey()) + " | | failed: " + failed.getValue().replace('|', '/') + " | | | | | | |");
        }
        for (Map.Entry<String, String> absent : run.notBuilt().entrySet()) {
            add("| " + absent.getKey() + " | | not built: " + absent.getValue() + " | | | | | | |");
        }
        add("");

        add("### Where the time goes (medians, ms)", "",
                "JVM start → main: spawn to the launcher's `main` (the JVM itself). Handler: loading the handler class and running",
                "its constructor (clients, rate table). First and second invocation: the same instance, twice; what the first costs",
                "beyond the second is class loading, linking and C1 compilation of the request path — what a SnapStart priming",
                "hook would pay before the snapshot.", "",
                "| | JVM start → main | handler class + constructor | first invocation | second invocation | first − second |",
                "|---|---:|---:|---:|---:|---:|");
        for (String label : measured) {
            double first = median(label, Launch.Result::invokeMs);
            double second = median(label, Launch.Result::againMs);
            add("| " + display(label) + " | " + Stats.ms(median(label, Launch.Result::bootMs)) + " | "
                    + Stats.ms(median(label, Launch.Result::initMs)) + " | " + decimals(first) + " | " + decimals(second)
                    + " | " + decimals(first - second) + " |");
        }
        add("");

        zipSection();
        censusSection();
        primingSection();
        cdsSection(floorB);
        return String.join("\n", lines) + "\n";
    }

    private void zipSection() {
        add("### Deployment zips", "",
                "| function | zip | target | met | the 3 biggest jars in lib/ | AWS SDK jars | Jackson jars |",
                "|---|---:|---:|---|---|---:|---:|");
        List<String> forbidden = new ArrayList<>();
        for (Map.Entry<String, ZipContents> zip : run.zips().entrySet()) {
            ZipContents contents = zip.getValue();
            long target = ColdStart.SMALL_ZIPS.contains(zip.getKey()) ? ColdStart.SMALL_ZIP_TARGET : ColdStart.ZIP_TARGET;
            String biggest = contents.biggest(3).stream().map(j -> j.name() + " " + Stats.mib(j.bytes()))
                    .collect(Collectors.joining(", "));
            add("| " + zip.getKey() + " | " + Stats.mib(contents.bytes()) + " | ≤ " + Stats.mib(target) + " | "
                    + (contents.bytes() <= target ? "yes" : "**no**") + " | " + biggest + " | "
                    + contents.countOfGroup("software.amazon.awssdk") + ", " + Stats.mib(contents.bytesOfGroup("software.amazon.awssdk"))
                    + " | " + contents.countOfGroup("com.fasterxml.jackson") + ", " + Stats.mib(contents.bytesOfGroup("com.fasterxml.jackson")) + " |");
            contents.forbiddenPresent().forEach(j -> forbidden.add(zip.getKey() + ": " + j));
        }
        add("", "HTTP clients that must not be packaged (" + String.join(", ", ZipContents.FORBIDDEN) + "): "
                + (forbidden.isEmpty() ? "none in any zip." : "**present** — " + String.join("; ", forbidden) + "."), "");
    }

    private void censusSection() {
        add("### Classes loaded by one cold start (`-Xlog:class+load`, one untimed start each)", "",
                "| | classes | JDK, from the CDS archive | JDK, loaded and verified | generated (lambdas, proxies) | our code | AWS SDK | Jackson | other jars | lib/ jars with no class loaded |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Map.Entry<String, ClassCensus> entry : run.census().entrySet()) {
            String label = entry.getKey();
            ClassCensus census = entry.getValue();
            ZipContents zip = run.zips().get(label);
            int ours = 0;
            int sdk = 0;
            int jackson = 0;
            int other = 0;
            for (Map.Entry<String, Integer> source : census.bySource().entrySet()) {
                String name = source.getKey();
                String group = zip == null ? "?" : zip.jars().stream().filter(j -> j.name().equals(name))
                        .map(ZipContents.Jar::group).findFirst().orElse(name.endsWith("/") ? "dev.smsbilling" : "?");
                if (name.equals("launcher/")) {
                    continue; // the harness's own, the same in every row
                }
                if (group.startsWith("dev.smsbilling")) {
                    ours += source.getValue();
                } else if (group.startsWith("software.amazon.awssdk")) {
                    sdk += source.getValue();
                } else if (group.startsWith("com.fasterxml.jackson")) {
                    jackson += source.getValue();
                } else {
                    other += source.getValue();
                }
            }
            String unused = zip == null ? "" : zip.jars().stream().map(ZipContents.Jar::name)
                    .filter(j -> census.fromJar(j) == 0).sorted().collect(Collectors.joining(", "));
            add("| " + display(label) + " | " + census.total() + " | " + census.jdkArchived() + " | " + census.jdkLoaded() + " | "
                    + census.generated() + " | " + ours + " | " + sdk + " | " + jackson + " | " + other + " | " + unused + " |");
        }
        add("");
    }

    private void primingSection() {
        List<String> primed = labels().stream()
                .filter(l -> run.results().containsKey(ColdStart.primedLabel(l))
                        && run.results().get(ColdStart.primedLabel(l)).get(0).primingSteps() > 0)
                .toList();
        if (primed.isEmpty()) {
            return;
        }
        add("### SnapStart priming hooks (simulated)", "",
                "SnapStart snapshots a function after its constructor and restores that snapshot for a cold start, so what",
                "its first request still pays is class loading and compilation on the request path. A priming hook runs",
                "requests without effects before the snapshot: the quote function a quote and the rate table; the authorizer its",
                "parsing, hashing and request signing, without sending. The DynamoDB functions run their requests through the",
                "AWS SDK and its HTTP client: signed with made-up credentials (the real provider is not asked) and sent to a",
                "loopback port of the function's own that answers from a made-up table of one funded account, so none reaches",
                "the table and no credentials are in the snapshot. send-charge primes a whole send, account its reads,",
                "auto-charge a run with nothing due; add-funds a top-up that stops before the card (its account is not in that",
                "table), then the credit on the store, and the sandbox processor on a throwaway instance; every HTTP function",
                "its log and metric line. What the first invocation still pays is the first connection to the real endpoint",
                "(here moto; in AWS TLS as well) and what priming runs once only. Here the launcher runs the hooks after the",
                "constructor and times the first invocation after them, in the same rounds: the restore itself is not emulated,",
                "so read the first invocation.", "",
                "| | first invocation | after the priming hook | ratio | second invocation | the hook itself |",
                "|---|---:|---:|---:|---:|---:|");
        for (String label : primed) {
            String variant = ColdStart.primedLabel(label);
            double plain = median(label, Launch.Result::invokeMs);
            double warmed = median(variant, Launch.Result::invokeMs);
            add("| " + display(label) + " | " + Stats.ms(plain) + " | " + Stats.ms(warmed) + " | "
                    + Stats.times(Stats.ratio(warmed, plain)) + " | " + Stats.ms(median(label, Launch.Result::againMs)) + " | "
                    + Stats.ms(median(variant, Launch.Result::primeMs)) + " |");
        }
        add("");
    }

    private void cdsSection(double floorB) {
        List<String> variants = labels().stream().filter(l -> run.results().containsKey(ColdStart.appCdsLabel(l))).toList();
        if (variants.isEmpty()) {
            return;
        }
        add("### Class data sharing (information only)", "",
                "Lambda's managed runtime starts the JVM itself and cannot be given an AppCDS archive, so this is not an option",
                "for us as deployed; it shows how much of each cold start is class loading and verification. Each archive was",
                "made by one training start of the same classes (`-XX:ArchiveClassesAtExit`; CDS needs the classes at the root and the",
                "launcher jarred), then measured in the same rounds.", "",
                "| | median ms | with a dynamic AppCDS archive | ratio | × floor (b) with archive |",
                "|---|---:|---:|---:|---:|");
        for (String label : variants) {
            double plain = median(label, Launch.Result::totalMs);
            double archived = median(ColdStart.appCdsLabel(label), Launch.Result::totalMs);
            add("| " + display(label) + " | " + Stats.ms(plain) + " | " + Stats.ms(archived) + " | "
                    + Stats.times(Stats.ratio(archived, plain)) + " | " + Stats.times(Stats.ratio(archived, floorB)) + " |");
        }
        add("");
    }

    /** Floors, then functions; variants have their own section. */
    private List<String> labels() {
        return run.results().keySet().stream()
                .filter(l -> !l.endsWith(" + AppCDS") && !l.endsWith(ColdStart.primedLabel(""))).toList();
    }

    private Double ratioTarget(String label) {
        if (ColdStart.FAST_FUNCTIONS.contains(label)) {
            return ColdStart.FAST_TARGET;
        }
        return run.usesDynamoDb().getOrDefault(label, false) ? ColdStart.DYNAMODB_TARGET : null;
    }

    private String answer(String label) {
        String body = run.results().get(label).get(0).body();
        Matcher status = STATUS.matcher(body);
        if (status.find()) {
            Matcher code = ERROR_CODE.matcher(body);
            return status.group(1) + (code.find() ? " " + code.group(1) : "");
        }
        if (body.contains("\"isAuthorized\"")) {
            return body.contains("\"accountId\"") ? "authorized, account found" : "authorized, no account";
        }
        return body.length() > 30 ? body.substring(0, 30) + "…" : body;
    }

    private static String display(String label) {
        return label.startsWith("floor") ? "*" + label + "*" : label;
    }

    private double median(String label, ToDoubleFunction<Launch.Result> metric) {
        List<Launch.Result> results = run.results().get(label);
        if (results == null || results.isEmpty()) {
            return Double.NaN;
        }
        return Stats.median(results.stream().map(r -> metric.applyAsDouble(r)).toList());
    }

    private double min(String label, ToDoubleFunction<Launch.Result> metric) {
        return Stats.min(run.results().get(label).stream().map(r -> metric.applyAsDouble(r)).toList());
    }

    private static String decimals(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }

    private void add(String... more) {
        lines.addAll(List.of(more));
    }
}
