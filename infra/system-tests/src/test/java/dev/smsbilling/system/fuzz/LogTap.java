package dev.smsbilling.system.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures what the handlers and the local API print on System.out and System.err (the local
 * Lambda logger prints there too), line by line, and records every line that contains a secret.
 * Keeps at most {@code keep} lines for the reader; every line is checked.
 */
final class LogTap implements AutoCloseable {
    /** The one-line-per-request logs of the functions and the local API; anything else is worth reading. */
    private static final java.util.regex.Pattern ROUTINE = java.util.regex.Pattern.compile(
            "(\\[\\w+\\] )?[A-Z]+ \\S* \\d{3} \\d+ ?ms");
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final List<String> kept = new CopyOnWriteArrayList<>();
    private final AtomicLong lines = new AtomicLong();
    private final int keep;

    private LogTap(int keep) {
        this.keep = keep;
    }

    static LogTap start(int keep) {
        LogTap tap = new LogTap(keep);
        System.setOut(new PrintStream(tap.new LineSink(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tap.new LineSink(), true, StandardCharsets.UTF_8));
        return tap;
    }

    /** A value that no line may contain from now on. */
    void secret(String value) {
        if (value != null && !value.isEmpty()) {
            secrets.add(value);
        }
    }

    long lines() {
        return lines.get();
    }

    List<String> leaks() {
        return List.copyOf(leaks);
    }

    List<String> kept() {
        return new ArrayList<>(kept);
    }

    /** Prints on the real console, past the tap. */
    void say(String line) {
        originalOut.println(line);
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private void line(String line) {
        lines.incrementAndGet();
        if (kept.size() < keep && !ROUTINE.matcher(line).matches()) {
            kept.add(line.length() > 2000 ? line.substring(0, 2000) + "..." : line);
        }
        for (String secret : secrets) {
            if (line.contains(secret)) {
                leaks.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        }
    }

    private final class LineSink extends OutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                line(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
