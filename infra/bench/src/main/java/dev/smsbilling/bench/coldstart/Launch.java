package dev.smsbilling.bench.coldstart;

import dev.smsbilling.bench.coldstart.launcher.LambdaLauncher;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts one fresh JVM for a target and times it from spawn to its first response. */
final class Launch {
    private static final long TIMEOUT_SECONDS = 120;
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * @param totalMs   spawn to the first response, as the harness saw it
     * @param bootMs    spawn to the launcher's main (JVM start-up)
     * @param initMs    handler class loading and its constructor
     * @param invokeMs  the first invocation
     * @param againMs   the second invocation of the same instance (classes loaded, C1 warming)
     * @param primeMs   the priming hooks, when the launcher ran them (0 otherwise)
     * @param primingSteps how many priming steps the function registered, when the launcher ran them
     * @param body      the first response, shortened
     */
    record Result(double totalMs, double bootMs, double initMs, double invokeMs, double againMs, double primeMs, int primingSteps, String body) {
    }

    private Launch() {
    }

    static String java() {
        return JAVA;
    }

    /** One cold start, or empty with the reason in {@code failure}. */
    static Optional<Result> run(Target target, List<String> extraFlags, StringBuilder failure) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(target.flags());
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(target.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(LambdaLauncher.class.getName());
        command.add(target.handler());
        command.add(target.event().toString());
        command.add("2");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        builder.environment().putAll(target.env());
        Path stderr = Files.createTempFile("coldstart", ".err");
        builder.redirectError(stderr.toFile());

        long spawn = System.nanoTime();
        Process process = builder.start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }, "coldstart-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        long answered = -1;
        long mainNanos = -1;
        double init = Double.NaN;
        double invoke = Double.NaN;
        double again = Double.NaN;
        double prime = 0;
        int primingSteps = 0;
        String body = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (answered < 0 && line.equals(LambdaLauncher.MARKER)) {
                    answered = System.nanoTime();
                } else if (line.startsWith(LambdaLauncher.PHASES + " ")) {
                    for (String field : line.substring(LambdaLauncher.PHASES.length() + 1).split(" ")) {
                        String[] kv = field.split("=", 2);
                        switch (kv[0]) {
                            case "main_ns" -> mainNanos = Long.parseLong(kv[1]);
                            case "init_us" -> init = Long.parseLong(kv[1]) / 1000.0;
                            case "invoke_us" -> invoke = Long.parseLong(kv[1]) / 1000.0;
                            case "again_us" -> again = Long.parseLong(kv[1]) / 1000.0;
                            case "prime_us" -> prime = Long.parseLong(kv[1]) / 1000.0;
                            case "prime_steps" -> primingSteps = Integer.parseInt(kv[1]);
                            default -> { }
                        }
                    }
                } else if (line.startsWith(LambdaLauncher.BODY + " ")) {
                    body = line.substring(LambdaLauncher.BODY.length() + 1);
                }
            }
        }
        int exit = process.waitFor();
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        if (answered < 0 || exit != 0) {
            failure.append("exit ").append(exit).append(": ").append(tail(errors));
            return Optional.empty();
        }
        // System.nanoTime is CLOCK_MONOTONIC on Linux, shared by both JVMs: spawn-to-main is comparable.
        double boot = mainNanos > 0 ? (mainNanos - spawn) / 1e6 : Double.NaN;
        return Optional.of(new Result((answered - spawn) / 1e6, boot, init, invoke, again, prime, primingSteps, body));
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        String[] lines = trimmed.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = Math.max(0, lines.length - 3); i < lines.length; i++) {
            out.append(lines[i].strip()).append(' ');
        }
        return out.toString().strip();
    }
}
