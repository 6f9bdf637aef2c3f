package dev.smsbilling.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.bench.coldstart.floor.EmptyApiHandler;
import dev.smsbilling.bench.coldstart.floor.EmptyStreamHandler;
import dev.smsbilling.bench.coldstart.launcher.LambdaLauncher;
import dev.smsbilling.endpoint.BillingTableDefinition;
import dev.smsbilling.endpoint.DynamoDbEndpoint;
import dev.smsbilling.endpoint.DynamoDbEndpoints;
import dev.smsbilling.endpoint.Environment;
import dev.smsbilling.endpoint.NoDynamoDbAvailable;
import dev.smsbilling.endpoint.Repository;
import dev.smsbilling.http.testing.crac.Core;
import dev.smsbilling.template.FunctionSpec;
import dev.smsbilling.template.SamTemplate;
import dev.smsbilling.template.TemplateReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start benchmark: every function of template.yaml and two floors, each started in a
 * fresh JVM per measurement, interleaved round-robin; writes a Markdown section.
 *
 * <p>Usage: {@code ColdStart [--repetitions N] [--out file.md] [--no-cds]}.
 */
public final class ColdStart {
    static final String FLOOR_STREAM = "floor (a): empty RequestStreamHandler";
    static final String FLOOR_API = "floor (b): empty RequestHandler<APIGatewayV2HTTPEvent, …>";
    /** DESIGN: kept free of the DynamoDB SDK where they can be, so that they start fast. */
    static final List<String> FAST_FUNCTIONS = List.of("quote", "authorizer");
    static final double FAST_TARGET = 1.0;
    static final double DYNAMODB_TARGET = 2.5;
    /** The quote function's zip; every other function's may be up to {@link #ZIP_TARGET}. */
    static final List<String> SMALL_ZIPS = List.of("quote");
    static final long SMALL_ZIP_TARGET = 4L << 20;
    static final long ZIP_TARGET = 12L << 20;

    private final Path root = Repository.root();
    private final Path work;
    private final int repetitions;
    private final boolean cds;
    private final Map<String, List<Launch.Result>> results = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, String> notBuilt = new LinkedHashMap<>();
    private final Map<String, String> events = new LinkedHashMap<>();
    private final Map<String, ZipContents> zips = new LinkedHashMap<>();
    private final Map<String, ClassCensus> census = new LinkedHashMap<>();
    private final Map<String, Boolean> usesDynamoDb = new LinkedHashMap<>();
    private String dynamoDb = "not needed";
    private String seeded = "nothing";
    private List<String> lambdaFlags = List.of();

    private ColdStart(Path work, int repetitions, boolean cds) {
        this.work = work;
        this.repetitions = repetitions;
        this.cds = cds;
    }

    public static void main(String[] args) throws Exception {
        int repetitions = 5;
        Path out = null;
        boolean cds = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--no-cds" -> cds = false;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Path work = Repository.root().resolve("infra/bench/target/coldstart");
        ColdStart bench = new ColdStart(work, repetitions, cds);
        String markdown = bench.run();
        if (out != null) {
            Files.writeString(out, markdown);
        } else {
            System.out.print(markdown);
        }
        System.exit(0); // moto's shutdown hook stops the server
    }

    private String run() throws Exception {
        Classpaths.deleteTree(work);
        Files.createDirectories(work);
        Path unpacked = Files.createTempDirectory("coldstart-zips");
        try {
            List<Target> targets = targets(unpacked);
            log("census and warm-up: one untimed start of each");
            for (Target target : List.copyOf(targets)) {
                censusOf(target);
            }
            targets.addAll(primedVariants(targets));
            if (cds) {
                targets.addAll(appCdsVariants(targets));
            }
            for (int round = 0; round < repetitions; round++) {
                log("round " + (round + 1) + " of " + repetitions);
                for (Target target : Stats.rotated(targets, round)) {
                    if (failures.containsKey(target.label())) {
                        continue;
                    }
                    resetIfNeeded(target);
                    StringBuilder failure = new StringBuilder();
                    Optional<Launch.Result> result = Launch.run(target, List.of(), failure);
                    if (result.isPresent()) {
                        results.computeIfAbsent(target.label(), k -> new ArrayList<>()).add(result.get());
                    } else {
                        failures.put(target.label(), failure.toString());
                        log(target.label() + " failed: " + failure);
                    }
                }
            }
            return new ColdStartReport(this).markdown();
        } finally {
            Classpaths.deleteTree(unpacked);
        }
    }

    private Seeder seeder;

    private void resetIfNeeded(Target target) {
        if (seeder != null && usesDynamoDb.getOrDefault(target.base(), false)) {
            seeder.resetIdempotency();
        }
    }

    private List<Target> targets(Path unpacked) throws IOException {
        SamTemplate template = TemplateReader.read(root.resolve("template.yaml"));
        List<FunctionSpec> functions = template.functions();
        Map<String, JsonNode> eventFiles = readEvents(root.resolve("events"));
        lambdaFlags = new ArrayList<>(functions.isEmpty() ? List.of() : functions.get(0).javaToolOptions());
        lambdaFlags.add("-Xshare:auto");

        Path launcher = Classpaths.copyClasses(LambdaLauncher.class, work.resolve("launcher"),
                "LambdaLauncher", "PojoInvocation", "MinimalContext");
        // The checkpoint the launcher takes when it primes: org.crac's, implemented by this package.
        Classpaths.copyClasses(Core.class, launcher,
                "Core", "Context", "Resource", "CheckpointException", "RestoreException");
        Path floorStream = Classpaths.copyClasses(EmptyStreamHandler.class, work.resolve("floor-stream"), "EmptyStreamHandler");
        Path floorApi = Classpaths.copyClasses(EmptyApiHandler.class, work.resolve("floor-api"), "EmptyApiHandler");
        Path core = Classpaths.jarOnClasspath("aws-lambda-java-core");
        Path floorEvent = root.resolve("events/quote.json");
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(FLOOR_STREAM, FLOOR_STREAM, Target.Kind.FLOOR, List.of(launcher, floorStream, core),
                EmptyStreamHandler.class.getName() + "::handleRequest", floorEvent, lambdaFlags, Map.of()));
        List<Path> apiClasspath = new ArrayList<>(List.of(launcher, floorApi, core,
                Classpaths.jarOnClasspath("aws-lambda-java-events"), Classpaths.jarOnClasspath("aws-lambda-java-serialization")));
        try {
            apiClasspath.add(Classpaths.jarOnClasspath("joda-time")); // a dependency of aws-lambda-java-events
        } catch (IllegalStateException absent) {
            // newer events libraries do without it
        }
        targets.add(new Target(FLOOR_API, FLOOR_API, Target.Kind.FLOOR, apiClasspath,
                EmptyApiHandler.class.getName() + "::handleRequest", floorEvent, lambdaFlags, Map.of()));
        events.put(FLOOR_STREAM, "quote.json");
        events.put(FLOOR_API, "quote.json");

        List<Target> needDynamo = new ArrayList<>();
        for (FunctionSpec function : functions) {
            String name = function.artifactName();
            Path zip = root.resolve(function.codeUri());
            Optional<String> event = FunctionEvents.eventFor(template, function, eventFiles);
            if (!Files.isRegularFile(zip)) {
                notBuilt.put(name, "no " + function.codeUri() + " (not built on this branch)");
                continue;
            }
            if (event.isEmpty()) {
                notBuilt.put(name, "no event in events/ for it");
                continue;
            }
            ZipContents contents = ZipContents.of(zip);
            zips.put(name, contents);
            boolean dynamo = function.usesDynamoDb();
            usesDynamoDb.put(name, dynamo);
            events.put(name, event.get());
            List<Path> classpath = new ArrayList<>();
            classpath.add(launcher);
            classpath.addAll(Classpaths.unpack(zip, unpacked.resolve(name)));
            List<String> flags = new ArrayList<>(function.javaToolOptions());
            flags.add("-Xshare:auto");
            Target target = new Target(name, name, Target.Kind.FUNCTION, classpath, function.handler(),
                    root.resolve("events").resolve(event.get()), flags, Map.of());
            targets.add(target);
            if (dynamo) {
                needDynamo.add(target);
            }
        }
        if (!needDynamo.isEmpty()) {
            Map<String, String> env = dynamoEnvironment(eventFiles);
            for (Target target : needDynamo) {
                int at = targets.indexOf(target);
                if (env == null) {
                    targets.remove(at);
                    notBuilt.put(target.label(), "not measured: " + dynamoDb);
                } else {
                    targets.set(at, new Target(target.label(), target.base(), target.kind(), target.classpath(),
                            target.handler(), target.event(), target.flags(), env));
                }
            }
        }
        return targets;
    }

    /** The environment of a DynamoDB function's JVM, after starting moto and seeding; null without a DynamoDB. */
    private Map<String, String> dynamoEnvironment(Map<String, JsonNode> eventFiles) {
        DynamoDbEndpoint endpoint;
        try {
            endpoint = DynamoDbEndpoints.choose(Environment.system(), false);
        } catch (NoDynamoDbAvailable e) {
            dynamoDb = "no DynamoDB: " + e.getMessage();
            return null;
        }
        dynamoDb = endpoint.origin().startsWith("moto") ? "moto's server on loopback (requests serialised)" : endpoint.origin();
        String table = "coldstart-" + System.currentTimeMillis();
        DynamoDbClient client = endpoint.client();
        BillingTableDefinition.fromRepository().create(client, table);
        seeder = new Seeder(client, table);
        seeded = seeder.seed(eventFiles);
        Map<String, String> env = new TreeMap<>();
        env.put("TABLE_NAME", table);
        env.put("DYNAMODB_ENDPOINT", endpoint.uri().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("PAYMENT_PROCESSOR", "sandbox");
        return env;
    }

    private void censusOf(Target target) throws IOException, InterruptedException {
        Path log = work.resolve("census-" + target.label().replaceAll("[^A-Za-z0-9-]+", "_") + ".log");
        resetIfNeeded(target);
        StringBuilder failure = new StringBuilder();
        if (Launch.run(target, List.of("-Xlog:class+load:file=" + log), failure).isPresent() && Files.exists(log)) {
            census.put(target.label(), ClassCensus.read(log));
        } else {
            failures.put(target.label(), failure.toString());
            log(target.label() + " failed: " + failure);
        }
    }

    /** Information only: the same targets with a dynamic AppCDS archive made by one training run. */
    private List<Target> appCdsVariants(List<Target> targets) throws IOException, InterruptedException {
        List<Target> variants = new ArrayList<>();
        Path archives = Files.createDirectories(work.resolve("cds"));
        for (Target target : targets) {
            if (target.label().equals(FLOOR_STREAM) || target.kind() == Target.Kind.VARIANT || failures.containsKey(target.label())) {
                continue;
            }
            String safe = target.label().replaceAll("[^A-Za-z0-9-]+", "_");
            Path archive = archives.resolve(safe + ".jsa");
            // CDS refuses non-empty directories on the classpath: the same classes, jarred.
            List<Path> jarred = new ArrayList<>();
            for (Path entry : target.classpath()) {
                jarred.add(Files.isDirectory(entry) ? Classpaths.jar(entry, archives.resolve(safe + "-" + jarred.size() + ".jar")) : entry);
            }
            Target trainee = target.withClasspath(jarred);
            resetIfNeeded(target);
            StringBuilder failure = new StringBuilder();
            if (Launch.run(trainee, List.of("-XX:ArchiveClassesAtExit=" + archive), failure).isPresent() && Files.exists(archive)) {
                variants.add(trainee.withFlags(appCdsLabel(target.label()), List.of("-XX:SharedArchiveFile=" + archive)));
            } else {
                log("no AppCDS archive for " + target.label() + ": " + failure);
            }
        }
        return variants;
    }

    /**
     * Every function that carries the SnapStart hooks' library, run with its hooks before its first
     * invocation; the report shows those whose constructor registered any.
     */
    private List<Target> primedVariants(List<Target> targets) {
        List<Target> variants = new ArrayList<>();
        for (Target target : targets) {
            ZipContents zip = zips.get(target.label());
            if (target.kind() == Target.Kind.FUNCTION && zip != null
                    && zip.jars().stream().anyMatch(jar -> jar.name().startsWith("crac-"))) {
                variants.add(target.withFlags(primedLabel(target.label()), List.of("-D" + LambdaLauncher.PRIME_PROPERTY + "=true",
                        "-D" + LambdaLauncher.CHECKPOINT_PROPERTY + "=" + Core.class.getPackageName())));
            }
        }
        return variants;
    }

    static String primedLabel(String label) {
        return label + " + priming hook";
    }

    static String appCdsLabel(String label) {
        return label + " + AppCDS";
    }

    private static Map<String, JsonNode> readEvents(Path dir) throws IOException {
        Map<String, JsonNode> events = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return events;
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                events.put(file.getFileName().toString(), json.readTree(file.toFile()));
            }
        }
        return events;
    }

    private static void log(String message) {
        System.err.println("[coldstart] " + message);
    }

    // What the report reads.
    Map<String, List<Launch.Result>> results() { return results; }
    Map<String, String> failures() { return failures; }
    Map<String, String> notBuilt() { return notBuilt; }
    Map<String, String> events() { return events; }
    Map<String, ZipContents> zips() { return zips; }
    Map<String, ClassCensus> census() { return census; }
    Map<String, Boolean> usesDynamoDb() { return usesDynamoDb; }
    String dynamoDb() { return dynamoDb; }
    String seeded() { return seeded; }
    List<String> lambdaFlags() { return lambdaFlags; }
    int repetitions() { return repetitions; }
}
