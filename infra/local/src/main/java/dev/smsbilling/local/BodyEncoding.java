package dev.smsbilling.local;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether API Gateway hands a request body to the function as text or as base64: text for
 * textual media types, base64 for everything else, including a body without a Content-Type.
 * Locally, a textual body that is not valid UTF-8 goes as base64 too: turned into a Java string
 * it would silently become U+FFFD replacement characters (and a one-segment GSM-7 text a
 * three-segment UCS-2 charge), while the functions' strict decoder refuses its bytes with a 400.
 */
final class BodyEncoding {
    private BodyEncoding() {
    }

    static boolean isText(String contentType, byte[] body) {
        return isText(contentType) && isUtf8(body);
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

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
