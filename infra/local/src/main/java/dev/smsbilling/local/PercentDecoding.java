package dev.smsbilling.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** URL decoding with the one difference between paths and query strings: '+' is a space only in a query. */
final class PercentDecoding {
    private PercentDecoding() {
    }

    static String decodePath(String raw) {
        return decodeQuery(raw.replace("+", "%2B"));
    }

    static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // a stray '%': API Gateway passes such text through rather than failing the request
        }
    }
}
