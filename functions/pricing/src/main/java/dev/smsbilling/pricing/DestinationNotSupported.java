package dev.smsbilling.pricing;

/** A valid number in a country the rate table has no price for. */
public final class DestinationNotSupported extends PricingException {
    private final String country;

    public DestinationNotSupported(String country) {
        super("to", "Messages to " + country + " are not supported: the rate table has no price for it.");
        this.country = country;
    }

    public String country() {
        return country;
    }
}
