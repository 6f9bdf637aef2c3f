package dev.smsbilling.pricing;

/**
 * A message that cannot be priced, for a reason the sender can fix. {@link #field()} names the
 * request field at fault ("content", "to"), so an API can point at it.
 */
public class PricingException extends RuntimeException {
    private final String field;

    public PricingException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
