package dev.smsbilling.local;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as it reached the gateway: the raw path and query (still percent-encoded),
 * every header value as sent, the body bytes and who sent them.
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, InetSocketAddress remote, String protocol) {

    public IncomingRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> lowered = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowered.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        headers = lowered;
    }

    /** A request made by this process to itself, as a loopback client would. */
    public static IncomingRequest fromLoopback(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new IncomingRequest(method, path, "", multi, body,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "HTTP/1.1");
    }

    /** One value per header, lower-cased names, repeated headers joined by commas, as API Gateway sends them. */
    public Map<String, String> joinedHeaders() {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.forEach((name, values) -> joined.put(name, String.join(",", values)));
        return joined;
    }

    /** The header's value, or null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    public boolean fromLoopbackAddress() {
        return remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    public String sourceIp() {
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
