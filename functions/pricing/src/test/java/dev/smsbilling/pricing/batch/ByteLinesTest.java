package dev.smsbilling.pricing.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteLinesTest {

    private static List<String> lines(InputStream in) throws IOException {
        ByteLines lines = new ByteLines(in);
        List<String> out = new ArrayList<>();
        while (lines.advance()) {
            out.add(new String(lines.buffer(), lines.start(), lines.length(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> lines(String text) throws IOException {
        return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linesAreSplitOnLineFeedsAndTheLastNeedsNone() throws IOException {
        assertThat(lines("a\nbé\n\nc")).containsExactly("a", "bé", "", "c");
        assertThat(lines("a\n")).containsExactly("a");
        assertThat(lines("")).isEmpty();
        assertThat(lines("a\r\nb\r\n")).containsExactly("a\r", "b\r"); // CR is JSON whitespace
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void linesLongerThanTheBufferAndSplitAcrossReadsComeOutWhole(long seed) throws IOException {
        Random random = new Random(seed);
        List<String> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String line = "ж😀x".repeat(random.nextInt(random.nextInt(10) == 0 ? 40_000 : 50));
            expected.add(line);
            text.append(line).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        // A stream that hands out a few bytes at a time, as a pipe may.
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(5_000)));
            }
        };

        assertThat(lines(trickle)).isEqualTo(expected);
    }

    @Test
    void onlyJsonWhitespaceIsBlank() throws IOException {
        ByteLines lines = new ByteLines(new ByteArrayInputStream(" \t\r\n \u3000\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(lines.advance()).isTrue();
        assertThat(lines.isBlank()).isTrue();
        assertThat(lines.advance()).isTrue();
        assertThat(lines.isBlank()).as("an ideographic space is not JSON whitespace").isFalse();
    }
}
