package dev.smsbilling.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What code under test prints on System.out (where the functions' telemetry lines go) while it is open. */
public final class StdoutCapture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original = System.out;

    private StdoutCapture() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static StdoutCapture start() {
        return new StdoutCapture();
    }

    public List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    public String all() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
