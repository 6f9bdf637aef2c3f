package dev.smsbilling.system.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request, with what an independent oracle expects of it. Header values are kept
 * as raw bytes (ISO-8859-1 in a String, one char per byte) so that non-ASCII and control bytes
 * reach the server exactly as a hostile client would send them.
 *
 * @param route     the template route this request was generated for (counted against it)
 * @param expect    what the answer must be
 * @param apiKey    the key sent in Authorization when it is a real one, else null: it decides
 *                  whose account a 2xx changed
 */
record FuzzRequest(String route, String method, String path, String query, Map<String, String> headers, byte[] body,
                   Expect expect, String apiKey, String family) {

    FuzzRequest {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
        query = query == null ? "" : query;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
        for (var header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    String target() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** What the answer must be: one status, a class of statuses, or either 2xx or 4xx. */
    record Expect(Kind kind, int status) {
        enum Kind { STATUS, SUCCESS, CLIENT_ERROR, SUCCESS_OR_CLIENT_ERROR }

        static Expect status(int status) {
            return new Expect(Kind.STATUS, status);
        }

        static Expect success() {
            return new Expect(Kind.SUCCESS, 0);
        }

        static Expect clientError() {
            return new Expect(Kind.CLIENT_ERROR, 0);
        }

        static Expect either() {
            return new Expect(Kind.SUCCESS_OR_CLIENT_ERROR, 0);
        }

        boolean accepts(int actual) {
            return switch (kind) {
                case STATUS -> actual == status;
                case SUCCESS -> actual / 100 == 2;
                case CLIENT_ERROR -> actual / 100 == 4;
                case SUCCESS_OR_CLIENT_ERROR -> actual / 100 == 2 || actual / 100 == 4;
            };
        }

        @Override
        public String toString() {
            return switch (kind) {
                case STATUS -> String.valueOf(status);
                case SUCCESS -> "2xx";
                case CLIENT_ERROR -> "4xx";
                case SUCCESS_OR_CLIENT_ERROR -> "2xx or 4xx";
            };
        }
    }
}
