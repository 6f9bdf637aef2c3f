package dev.smsbilling.bench;

import dev.smsbilling.pricing.Pricer;
import dev.smsbilling.pricing.Quote;
import dev.smsbilling.pricing.rates.RateTableLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Throughput of one quote: segments, destination, rate and price of a typical message. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QuoteBenchmark {
    @Param({"20", "160", "400", "1600"})
    public int characters;

    @Param({"GSM-7", "UCS-2"})
    public String encoding;

    @Param({"+14155552671", "+447400123456"})
    public String to;

    private Pricer pricer;
    private String content;

    @Setup
    public void setUp() {
        pricer = new Pricer(RateTableLoader.bundled());
        content = TypicalMessages.text(characters, encoding.equals("UCS-2"));
    }

    /** The whole quote as the API answers it, its list of non-GSM characters included (worked out on read). */
    @Benchmark
    public Quote quote() {
        Quote quote = pricer.quote(content, to);
        quote.nonGsmCharacters().size();
        return quote;
    }
}
