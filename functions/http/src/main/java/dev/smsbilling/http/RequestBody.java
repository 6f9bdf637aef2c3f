package dev.smsbilling.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Turns the event's {@code body} into checked text: size limit, base64, strict UTF-8. */
final class RequestBody {

    /** Base64 longer than this cannot decode to {@link ApiRequest#MAX_BODY_BYTES} or fewer. */
    private static final int MAX_BASE64_CHARS = 4 * ((ApiRequest.MAX_BODY_BYTES + 2) / 3);

    private RequestBody() {
    }

    static String decode(String raw, boolean base64) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return base64 ? fromBase64(raw) : fromText(raw);
    }

    private static String fromBase64(String raw) {
        if (raw.length() > MAX_BASE64_CHARS) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw invalid("The request body is not valid base64.");
        }
        if (bytes.length > ApiRequest.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            // A strict decoder: the JDK's default silently turns bad bytes into U+FFFD, which
            // would let a mangled body be charged and sent as if the client had meant it.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid("The request body is not valid UTF-8.");
        }
    }

    private static String fromText(String raw) {
        // Every UTF-16 unit is at least one UTF-8 byte, so this rejects huge bodies before counting.
        if (raw.length() > ApiRequest.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        long bytes = Utf16.utf8Length(raw);
        if (bytes == Utf16.NOT_ENCODABLE) {
            throw invalid("The request body is not valid UTF-8.");
        }
        if (bytes > ApiRequest.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return raw;
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than 64 KiB (" + ApiRequest.MAX_BODY_BYTES + " bytes).");
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }
}
