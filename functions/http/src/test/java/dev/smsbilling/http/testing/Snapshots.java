package dev.smsbilling.http.testing;

import dev.smsbilling.http.Priming;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Fires the SnapStart priming hooks registered so far and returns what they wrote to stderr (failures). */
public final class Snapshots {
    private Snapshots() {
    }

    public static String primeAndCaptureErrors() {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Priming.simulateSnapshot();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
