package dev.smsbilling.pricing.segments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer of Twilio's calculator, as infra/segment-vectors/generate.mjs writes it: the text
 * as parts (a string, or [string, n] for n repetitions) and what the calculator said about it
 * as it is and after Smart Encoding.
 */
record SegmentVector(String kind, String text, String encoding, int segments, int characters,
                     List<String> nonGsmCharacters, String smartEncoding, int smartSegments) {

    static final String RESOURCE = "/segment-vectors.jsonl";

    static List<SegmentVector> readAll() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<SegmentVector> vectors = new ArrayList<>();
        try (InputStream stream = SegmentVector.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException(RESOURCE + " is missing; see infra/segment-vectors/README.md");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    vectors.add(parse(json.readTree(line)));
                }
            }
        }
        return vectors;
    }

    private static SegmentVector parse(JsonNode node) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node.get("t")) {
            if (part.isArray()) {
                text.append(part.get(0).asText().repeat(part.get(1).asInt()));
            } else {
                text.append(part.asText());
            }
        }
        List<String> nonGsm = new ArrayList<>();
        node.get("n").forEach(character -> nonGsm.add(character.asText()));
        return new SegmentVector(node.get("k").asText(), text.toString(), node.get("e").asText(),
                node.get("s").asInt(), node.get("c").asInt(), nonGsm, node.get("se").asText(), node.get("ss").asInt());
    }

    /** The text with every non-ASCII-printable char escaped, for a readable failure message. */
    String printableText() {
        StringBuilder printable = new StringBuilder();
        text.chars().forEach(c -> printable.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return printable.length() > 300 ? printable.substring(0, 300) + "..." : printable.toString();
    }
}
