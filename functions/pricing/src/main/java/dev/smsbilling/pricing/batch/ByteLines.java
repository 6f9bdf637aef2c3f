package dev.smsbilling.pricing.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, each a slice of one reused buffer: no String and no character
 * decoding per line (the JSON parser reads UTF-8 itself). The buffer grows only to the longest
 * line, so memory does not depend on how many lines there are.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    /** Bytes of {@link #buffer} read from the stream. */
    private int filled;
    /** Where the line after the current one starts. */
    private int next;
    /** Bytes before this index, from {@link #next}, hold no line feed. */
    private int scanned;
    private boolean ended;
    private int start;
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line (its line feed excluded); false after the last. */
    boolean advance() throws IOException {
        while (true) {
            for (int i = scanned; i < filled; i++) {
                if (buffer[i] == '\n') {
                    return take(i, i + 1);
                }
            }
            scanned = filled;
            if (ended) {
                return next < filled && take(filled, filled);
            }
            readMore();
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    /** True when the current line holds nothing but JSON whitespace. */
    boolean isBlank() {
        for (int i = start; i < start + length; i++) {
            byte b = buffer[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private boolean take(int lineEnd, int following) {
        start = next;
        length = lineEnd - next;
        next = following;
        scanned = following;
        return true;
    }

    private void readMore() throws IOException {
        if (next > 0) { // the lines before next were handed out: move the rest to the front
            System.arraycopy(buffer, next, buffer, 0, filled - next);
            filled -= next;
            scanned -= next;
            next = 0;
        }
        if (filled == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, filled, buffer.length - filled);
        if (read < 0) {
            ended = true;
        } else {
            filled += read;
        }
    }
}
