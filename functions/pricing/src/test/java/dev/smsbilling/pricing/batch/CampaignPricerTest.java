package dev.smsbilling.pricing.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignPricerTest {
    private final CampaignPricer job = new CampaignPricer(new Pricer(RateTableLoader.bundled()));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyLineIsPricedOrExplainedAndTheSummaryAddsUp() throws IOException {
        String input = String.join("\n",
                "{\"content\": \"Hello\", \"to\": \"+14155552671\"}",
                "{\"content\": \"" + "a".repeat(170) + "\", \"to\": \"+447400123456\", \"extra\": [1, {}]}",
                "not json",
                "",
                "{\"content\": \"Hi\", \"to\": \"+79123456789\"}",
                "{\"content\": \"Hi\"}",
                "{\"content\": \"\\ud800\", \"to\": \"+14155552671\"}",
                "{\"content\": \"€\", \"to\": \"+14165551234\"}") + "\n";
        var out = new ByteArrayOutputStream();

        CampaignPricer.Summary summary = job.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);

        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(this::parse).toList();
        assertThat(lines).hasSize(8); // 7 messages (the blank line is skipped) + the summary
        assertThat(lines.get(0).path("costMicros").asLong()).isEqualTo(10_000);
        assertThat(lines.get(1).path("segments").asInt()).isEqualTo(2);
        assertThat(lines.get(1).path("costMicros").asLong()).isEqualTo(100_000);
        assertThat(lines.get(2).path("error").path("code").asText()).isEqualTo("invalid_request");
        assertThat(lines.get(2).path("line").asInt()).isEqualTo(3);
        assertThat(lines.get(3).path("error").path("code").asText()).isEqualTo("destination_not_supported");
        assertThat(lines.get(4).path("error").path("field").asText()).isEqualTo("to");
        assertThat(lines.get(5).path("error").path("field").asText()).isEqualTo("content");
        assertThat(lines.get(6).path("encoding").asText()).isEqualTo("GSM-7");
        assertThat(lines.get(7)).isEqualTo(json.readTree("{\"messages\": 7, \"segments\": 4, \"costMicros\": 120000, \"errors\": 4}"));
        assertThat(summary).isEqualTo(new CampaignPricer.Summary(7, 4, 120_000, 4));
    }

    @Test
    void aLargeCampaignStreamsThroughWithoutBeingHeldInMemory() throws IOException {
        int messages = 200_000;
        InputStream generated = new GeneratedCampaign(messages);
        CountingOutput out = new CountingOutput();

        CampaignPricer.Summary summary = job.run(generated, out);

        assertThat(summary.messages()).isEqualTo(messages);
        assertThat(summary.errors()).isZero();
        assertThat(out.lines).isEqualTo(messages + 1);
    }

    @Test
    void aLineThatIsNotUtf8IsAnErrorAndTheRunGoesOn() throws IOException {
        byte[] good = "{\"content\": \"Hi\", \"to\": \"+14155552671\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'c', 'o', 'n', 't', 'e', 'n', 't', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
        var in = new ByteArrayOutputStream();
        in.write(bad);
        in.write(good);
        var out = new ByteArrayOutputStream();

        CampaignPricer.Summary summary = job.run(new ByteArrayInputStream(in.toByteArray()), out);

        assertThat(summary).isEqualTo(new CampaignPricer.Summary(2, 1, 10_000, 1));
        assertThat(parse(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow()).path("error").path("message").asText())
                .contains("UTF-8");
    }

    @Test
    void linesComeOutInInputOrder() throws IOException {
        int messages = 5_000;
        var out = new ByteArrayOutputStream();

        job.run(new GeneratedCampaign(messages), out);

        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(this::parse).toList();
        assertThat(lines).hasSize(messages + 1);
        for (int i = 0; i < messages; i++) {
            assertThat(lines.get(i).path("to").asText()).isEqualTo("+447400" + String.format("%06d", i));
        }
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** Produces a campaign line by line on demand, so the test itself holds no big input. */
    private static final class GeneratedCampaign extends InputStream {
        private final int total;
        private int produced;
        private byte[] pending = new byte[0];
        private int offset;

        GeneratedCampaign(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (offset == pending.length) {
                if (produced == total) {
                    return -1;
                }
                pending = ("{\"content\": \"Your code is " + produced + " ✓\", \"to\": \"+447400"
                        + String.format("%06d", produced % 1_000_000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
                produced++;
                offset = 0;
            }
            int n = Math.min(len, pending.length - offset);
            System.arraycopy(pending, offset, buffer, off, n);
            offset += n;
            return n;
        }
    }

    /** Counts output lines and keeps nothing. */
    private static final class CountingOutput extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }
    }
}
