package dev.smsbilling.pricing.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.smsbilling.pricing.Quote;
import java.io.IOException;

/** One output line of the batch job, written field by field: no reflection per message. */
final class QuoteLine {
    private QuoteLine() {
    }

    static void write(JsonGenerator gen, Quote quote) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("to", quote.to());
        gen.writeStringField("country", quote.country());
        gen.writeStringField("destination", quote.destination());
        gen.writeStringField("encoding", quote.encoding());
        gen.writeNumberField("segments", quote.segments());
        gen.writeNumberField("characters", quote.characters());
        gen.writeNumberField("perSegmentMicros", quote.perSegmentMicros());
        gen.writeNumberField("costMicros", quote.costMicros());
        gen.writeStringField("rateTableVersion", quote.rateTableVersion());
        if (quote.savings() != null) {
            gen.writeObjectFieldStart("savings");
            gen.writeStringField("encoding", quote.savings().encoding());
            gen.writeNumberField("segments", quote.savings().segments());
            gen.writeNumberField("costMicros", quote.savings().costMicros());
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    static void writeError(JsonGenerator gen, long line, String code, String field, String message) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("line", line);
        gen.writeObjectFieldStart("error");
        gen.writeStringField("code", code);
        if (field != null) {
            gen.writeStringField("field", field);
        }
        gen.writeStringField("message", message);
        gen.writeEndObject();
        gen.writeEndObject();
    }
}
