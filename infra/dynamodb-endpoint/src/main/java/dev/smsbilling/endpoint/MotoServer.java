package dev.smsbilling.endpoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto's server as a child process on a free loopback port, every request serialised by one
 * lock (see moto_server.py for why). The process reads its stdin until EOF, so it dies with
 * the JVM that started it even when that JVM is killed; {@link #close()} stops it at once.
 */
public final class MotoServer implements AutoCloseable {
    private static final String SCRIPT = "moto_server.py";
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final URI uri;
    private final String python;

    private MotoServer(Process process, URI uri, String python) {
        this.process = process;
        this.uri = uri;
        this.python = python;
    }

    /**
     * Starts moto with the first Python that has it: {@code MOTO_PYTHON}, then {@code python3}
     * and {@code python} on the PATH.
     *
     * @throws NoDynamoDbAvailable when no such Python exists or the server does not start
     */
    public static MotoServer start(Environment env) {
        String python = findPython(env).orElseThrow(() -> new NoDynamoDbAvailable(
                env.get("MOTO_PYTHON") == null ? "no python3 on the PATH can import moto"
                        : "MOTO_PYTHON=" + env.get("MOTO_PYTHON") + " cannot import moto"));
        Path script = extractScript();
        try {
            Process process = new ProcessBuilder(python, script.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int port = readPort(process);
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), python);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-stop"));
            return server;
        } catch (IOException e) {
            throw new NoDynamoDbAvailable("moto did not start: " + e.getMessage());
        }
    }

    public URI uri() {
        return uri;
    }

    public String python() {
        return python;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        try {
            process.getOutputStream().close(); // EOF on stdin: the server shuts down by itself
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Optional<String> findPython(Environment env) {
        String chosen = env.get("MOTO_PYTHON");
        List<String> candidates = chosen != null && !chosen.isBlank() ? List.of(chosen) : List.of("python3", "python");
        return candidates.stream().filter(MotoServer::canImportMoto).findFirst();
    }

    private static boolean canImportMoto(String python) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import moto.moto_server.werkzeug_app, werkzeug")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // not on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path extractScript() {
        try (InputStream in = MotoServer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            Path file = Files.createTempFile("moto_server", ".py");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new NoDynamoDbAvailable("cannot write moto's launcher script: " + e.getMessage());
        }
    }

    private static int readPort(Process process) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var line = new String[1];
        Thread waiter = new Thread(() -> {
            try {
                line[0] = reader.readLine();
            } catch (IOException ignored) {
                // reported below as "did not start"
            }
        }, "moto-port");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (line[0] == null || !line[0].startsWith("PORT ")) {
            process.destroyForcibly();
            throw new NoDynamoDbAvailable("moto's server did not report a port within " + START_TIMEOUT_SECONDS + " s");
        }
        return Integer.parseInt(line[0].substring(5).trim());
    }
}
