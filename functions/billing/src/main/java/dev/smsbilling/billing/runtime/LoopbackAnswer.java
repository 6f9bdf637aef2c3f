package dev.smsbilling.billing.runtime;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;

/**
 * A server on a loopback port of the function's own, for one priming request: it reads the
 * request as an HTTP server would and answers it with the made-up answer it was given, then
 * closes. The function's real HTTP client sends priming's request here, so the JDK's socket and
 * HTTP classes are on the snapshot's warm path too, and still nothing leaves the function.
 * {@code java.net} only, which every Java runtime has.
 */
final class LoopbackAnswer implements AutoCloseable {
    private static final int ACCEPT_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket server;
    private final Thread thread;

    private LoopbackAnswer(ServerSocket server, byte[] response) {
        this.server = server;
        this.thread = new Thread(() -> serveOnce(response), "priming-loopback");
        this.thread.setDaemon(true);
    }

    /** Listens now; answers the first connection with a 200, {@code headers} (CRLF-ended lines) and {@code body}. */
    static LoopbackAnswer start(String headers, byte[] body) {
        try {
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(ACCEPT_TIMEOUT_MILLIS);
            ByteArrayOutputStream response = new ByteArrayOutputStream(256 + body.length);
            response.write(("HTTP/1.1 200 OK\r\n" + headers + "Content-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            response.write(body);
            LoopbackAnswer answer = new LoopbackAnswer(server, response.toByteArray());
            answer.thread.start();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void serveOnce(byte[] response) {
        try (server; Socket socket = server.accept()) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            skip(in, contentLength(in));
            OutputStream out = socket.getOutputStream();
            out.write(response);
            out.flush();
        } catch (IOException e) {
            // The client gives up in its turn and priming reports the step as failed: slower, not wrong.
        }
    }

    /** Reads the request's head and returns its Content-Length (0 without one). */
    private static long contentLength(InputStream in) throws IOException {
        long length = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return length;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(US_ASCII);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** Waits for the one answer to be written; the port is closed by then. */
    @Override
    public void close() {
        try {
            thread.join(ACCEPT_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
