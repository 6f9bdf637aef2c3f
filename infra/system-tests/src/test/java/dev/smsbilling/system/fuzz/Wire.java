package dev.smsbilling.system.fuzz;

import dev.smsbilling.local.GatewayResponse;
import dev.smsbilling.local.IncomingRequest;
import dev.smsbilling.local.LocalServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two ways to deliver a {@link FuzzRequest} to the local API. {@link #inProcess} hands it to the
 * same gateway object the HTTP server uses (routing, authorizer and its cache, event building,
 * the real handlers, the response mapping) without a socket, for volume. {@link #http} writes
 * the bytes on a real socket, one connection per request, so headers the JDK's HTTP client
 * refuses to send (control bytes, non-ASCII, empty values) still reach the server.
 */
interface Wire {
    Reply send(FuzzRequest request) throws IOException;

    static Wire inProcess(LocalServer server) {
        return request -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            GatewayResponse response = server.gateway().handle(new IncomingRequest(request.method(), request.path(),
                    request.query(), headers, request.body(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    "HTTP/1.1"));
            Map<String, String> lowered = new LinkedHashMap<>();
            response.headers().forEach((name, values) -> lowered.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            return new Reply(response.status(), lowered, response.body());
        };
    }

    static Wire http(LocalServer server) {
        return request -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(30_000);
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
                head.writeBytes(("Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
                request.headers().forEach((name, value) ->
                        head.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
                head.writeBytes(("Content-Length: " + request.body().length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream();
                out.write(head.toByteArray());
                out.write(request.body());
                out.flush();
                return read(new BufferedInputStream(socket.getInputStream()));
            }
        };
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.merge(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim(),
                    (a, b) -> a + "," + b);
        }
        byte[] body;
        String length = headers.get("content-length");
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                all.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
