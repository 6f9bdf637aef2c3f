package dev.smsbilling.pricing;

import dev.smsbilling.pricing.destination.Destination;
import dev.smsbilling.pricing.destination.DestinationParser;
import dev.smsbilling.pricing.rates.CountryRate;
import dev.smsbilling.pricing.rates.RateTable;
import dev.smsbilling.pricing.rates.RateTableLoader;
import dev.smsbilling.pricing.segments.Encoding;
import dev.smsbilling.pricing.segments.NonGsmCharacters;
import dev.smsbilling.pricing.segments.SegmentCalculator;
import dev.smsbilling.pricing.segments.SegmentCount;
import dev.smsbilling.pricing.segments.SmartEncoding;
import java.util.List;

/**
 * Prices a message: the one place where a price is decided. Quote, send-charge and the batch
 * job all call this; none computes a price of its own.
 */
public final class Pricer {
    private final RateTable rates;
    private final DestinationParser destinations = new DestinationParser();

    public Pricer(RateTable rates) {
        this.rates = rates;
    }

    /** The pricer of this deployment: the operator's rate table if configured, else the bundled one. */
    public static Pricer fromEnvironment() {
        return new Pricer(RateTableLoader.load(System.getenv()));
    }

    public RateTable rates() {
        return rates;
    }

    /**
     * @throws PricingException for content or a recipient the sender must fix
     * @throws DestinationNotSupported for a valid number in a country without a rate
     */
    public Quote quote(String content, String to) {
        int characters = MessageContent.validate(content);
        Destination destination = destinations.parse(to);
        long destinationRate = destinationRate(destination);
        long perSegment = Money.perSegment(destinationRate);
        SegmentCount count = SegmentCalculator.count(content);
        long cost = Money.cost(count.segments(), perSegment);
        return new Quote(destination.e164(), destination.country(), destination.kind(),
                count.encoding().label(), count.segments(), characters,
                Money.BASE_SEGMENT_MICROS, destinationRate, perSegment, cost,
                Money.CURRENCY, rates.version(), nonGsmCharacters(content, count),
                savings(content, count, perSegment, cost));
    }

    private long destinationRate(Destination destination) {
        if (destination.local()) {
            return 0;
        }
        return rates.rate(destination.country())
                .map(CountryRate::destinationRateMicros)
                .orElseThrow(() -> new DestinationNotSupported(destination.country()));
    }

    private static List<String> nonGsmCharacters(String content, SegmentCount count) {
        return count.encoding() == Encoding.GSM_7 ? List.of() : NonGsmCharacters.of(content);
    }

    /** Offered only when replacing look-alikes is strictly cheaper; the message itself is never rewritten. */
    private static Quote.Savings savings(String content, SegmentCount original, long perSegment, long cost) {
        if (original.encoding() == Encoding.GSM_7) {
            return null;
        }
        String replaced = SmartEncoding.replace(content);
        if (replaced.equals(content)) {
            return null;
        }
        SegmentCount cheaper = SegmentCalculator.count(replaced);
        long cheaperCost = Money.cost(cheaper.segments(), perSegment);
        return cheaperCost < cost
                ? new Quote.Savings(replaced, cheaper.encoding().label(), cheaper.segments(), cheaperCost)
                : null;
    }
}
