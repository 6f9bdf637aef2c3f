package dev.smsbilling.autocharge;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Invokes the handler as Lambda does on a schedule tick: the bytes of events/scheduled-auto-charge.json in, a summary out. */
final class ScheduledEvent {
    static final String FILE = "scheduled-auto-charge.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledEvent() {
    }

    static byte[] sample() {
        try {
            return Files.readAllBytes(eventsFolder().resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RunSummary invoke(AutoChargeHandler handler) {
        return invoke(handler, sample(), null);
    }

    static RunSummary invoke(AutoChargeHandler handler, byte[] event, Context context) {
        JsonNode summary = answer(handler, event, context);
        return new RunSummary(summary.path("due").asInt(-1), summary.path("charged").asInt(-1),
                summary.path("declined").asInt(-1), summary.path("skipped").asInt(-1));
    }

    /** What the sweep of a run with the sample event did, read back from the function's answer. */
    static SweepSummary sweep(AutoChargeHandler handler) {
        JsonNode topUps = answer(handler, sample(), null).path("topUps");
        return new SweepSummary(topUps.path("unsettled").asInt(-1), topUps.path("credited").asInt(-1),
                topUps.path("released").asInt(-1), topUps.path("left").asInt(-1), topUps.path("failed").asInt(-1));
    }

    private static JsonNode answer(AutoChargeHandler handler, byte[] event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path eventsFolder() {
        String root = System.getProperty("repo.root");
        for (Path dir = Path.of(root != null ? root : "").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events")) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("events");
            }
        }
        throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
    }
}
