package dev.smsbilling.local;

import java.util.Locale;

/**
 * Whether API Gateway hands a request body to the function as text or as base64: text for
 * textual media types, base64 for everything else, including a body without a Content-Type.
 */
final class BodyEncoding {
    private BodyEncoding() {
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript");
    }
}
