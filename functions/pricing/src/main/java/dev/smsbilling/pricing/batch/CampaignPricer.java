package dev.smsbilling.pricing.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.smsbilling.pricing.DestinationNotSupported;
import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.PricingException;
import dev.smsbilling.pricing.Quote;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Prices a whole campaign before it is sent: JSON Lines {@code {"content": "...", "to": "+E164"}}
 * in, one JSON line per message out (the quote, or an {@code error} for a line that cannot be
 * priced, which does not stop the run), then one summary line. Streams: memory stays constant
 * whatever the input size.
 *
 * <pre>java -jar functions/pricing/target/pricing.jar &lt; messages.jsonl &gt; quotes.jsonl</pre>
 *
 * With {@code --stats}, the time spent pricing (JVM start and loading the rate table excluded)
 * goes to stderr as JSON, for the side-by-side benchmark.
 */
public final class CampaignPricer {
    private final Pricer pricer;
    private final JsonFactory json = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    public CampaignPricer(Pricer pricer) {
        this.pricer = pricer;
    }

    public static void main(String[] args) throws IOException {
        var out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        CampaignPricer job = new CampaignPricer(Pricer.fromEnvironment());
        // Timed from here, as the Node side is timed once its calculator and rate table are loaded.
        long start = System.nanoTime();
        Summary summary = job.run(System.in, out);
        out.flush();
        if (args.length > 0 && args[0].equals("--stats")) {
            System.err.printf("{\"messages\":%d,\"seconds\":%.6f}%n", summary.messages(), (System.nanoTime() - start) / 1e9);
        }
        System.exit(summary.errors() == 0 ? 0 : 3);
    }

    /** Prices every line of {@code in} (UTF-8) onto {@code out}; returns the totals it also wrote as the last line. */
    public Summary run(InputStream in, OutputStream out) throws IOException {
        ByteLines lines = new ByteLines(in);
        long messages = 0;
        long segments = 0;
        long cost = 0;
        long errors = 0;
        try (JsonGenerator gen = json.createGenerator(out, JsonEncoding.UTF8)) {
            gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            long lineNumber = 0;
            while (lines.advance()) {
                lineNumber++;
                if (lines.isBlank()) {
                    continue;
                }
                messages++;
                try {
                    Quote quote = price(lines);
                    segments = Math.addExact(segments, quote.segments());
                    cost = Math.addExact(cost, quote.costMicros());
                    QuoteLine.write(gen, quote);
                } catch (PricingException e) {
                    errors++;
                    QuoteLine.writeError(gen, lineNumber, code(e), e.field(), e.getMessage());
                }
                gen.writeRaw('\n');
            }
            Summary summary = new Summary(messages, segments, cost, errors);
            summary.write(gen);
            gen.writeRaw('\n');
            gen.flush();
            return summary;
        }
    }

    private Quote price(ByteLines line) {
        String content = null;
        String to = null;
        try (JsonParser parser = json.createParser(line.buffer(), line.start(), line.length())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PricingException(null, "a line must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("content".equals(field) && value == JsonToken.VALUE_STRING) {
                    content = parser.getText();
                } else if ("to".equals(field) && value == JsonToken.VALUE_STRING) {
                    to = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new PricingException(null, "a line must hold exactly one JSON object");
            }
        } catch (IOException e) {
            throw new PricingException(null, "a line must be valid JSON (in UTF-8)");
        }
        if (content == null) {
            throw new PricingException("content", "must be a string");
        }
        if (to == null) {
            throw new PricingException("to", "must be a string");
        }
        return pricer.quote(content, to);
    }

    private static String code(PricingException e) {
        return e instanceof DestinationNotSupported ? "destination_not_supported" : "invalid_request";
    }

    /** The run's totals, the last line of the output. */
    public record Summary(long messages, long segments, long costMicros, long errors) {
        void write(JsonGenerator gen) throws IOException {
            gen.writeStartObject();
            gen.writeNumberField("messages", messages);
            gen.writeNumberField("segments", segments);
            gen.writeNumberField("costMicros", costMicros);
            gen.writeNumberField("errors", errors);
            gen.writeEndObject();
        }
    }
}
