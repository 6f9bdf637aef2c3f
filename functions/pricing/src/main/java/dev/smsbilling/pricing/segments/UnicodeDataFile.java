package dev.smsbilling.pricing.segments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables generated from Twilio's calculator (see infra/segment-vectors/tables.mjs):
 * UCD-style lines of fields separated by ';' or blanks, '#' starting a comment.
 */
final class UnicodeDataFile {

    private UnicodeDataFile() {
    }

    /** The non-comment lines of a resource beside this class, split on ';', fields trimmed. */
    static List<String[]> read(String resourceName) {
        InputStream stream = UnicodeDataFile.class.getResourceAsStream(resourceName);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resourceName + " in the pricing jar");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName, e);
        }
        return rows;
    }

    static int hex(String codePoint) {
        return Integer.parseInt(codePoint, 16);
    }
}
