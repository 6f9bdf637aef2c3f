package dev.smsbilling.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * What code under test prints while this is open: on System.out (where the functions' telemetry
 * lines go) or on System.err (where a failed priming step is reported, as Lambda logs it).
 */
public final class ConsoleCapture implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original;
    private final Consumer<PrintStream> setter;

    private ConsoleCapture(PrintStream original, Consumer<PrintStream> setter) {
        this.original = original;
        this.setter = setter;
        setter.accept(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static ConsoleCapture stdout() {
        return new ConsoleCapture(System.out, System::setOut);
    }

    public static ConsoleCapture stderr() {
        return new ConsoleCapture(System.err, System::setErr);
    }

    public List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    public String all() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        setter.accept(original);
    }
}
