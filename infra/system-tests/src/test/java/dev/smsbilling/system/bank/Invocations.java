package dev.smsbilling.system.bank;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.smsbilling.http.testing.FunctionCall;
import dev.smsbilling.http.testing.FunctionCall.Response;
import dev.smsbilling.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Calls a function in-process the way Lambda does: an HTTP API 2.0 event (or a scheduled event)
 * as bytes into {@code handleRequest}, with a context whose remaining time counts down. What the
 * functions log is kept, not printed: the failures are shown when an answer was not expected.
 */
final class Invocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> failureLog = new CopyOnWriteArrayList<>();

    List<String> failureLog() {
        return List.copyOf(failureLog);
    }

    /** An HTTP function's answer to the event {@code call} builds, with ten seconds to live as send-charge has. */
    Response http(RequestStreamHandler handler, FunctionCall call) {
        return call.invoke(handler, context(Duration.ofSeconds(10)));
    }

    /** The scheduled auto-charge with EventBridge's event; its summary. */
    JsonNode scheduled(RequestStreamHandler handler) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.putObject("detail");
        return invoke(handler, bytes(event), Duration.ofSeconds(60));
    }

    private LocalContext context(Duration timeout) {
        return new LocalContext("bank", timeout, failuresOnly);
    }

    private JsonNode invoke(RequestStreamHandler handler, byte[] event, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, context(timeout));
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the failure lines and drops the per-request ones. */
    private final LambdaLogger failuresOnly = new LambdaLogger() {
        @Override
        public void log(String message) {
            if (message.startsWith("unexpected failure")) {
                failureLog.add(message.strip());
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };
}
