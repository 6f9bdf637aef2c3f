package dev.smsbilling.pricing.destination;

/**
 * Where a message goes: the number in E.164 and its country (libphonenumber's region code).
 * US and Canada are local; every other region, the other +1 regions included, is international.
 */
public record Destination(String e164, String country) {

    public boolean local() {
        return isLocalCountry(country);
    }

    public String kind() {
        return local() ? "local" : "international";
    }

    public static boolean isLocalCountry(String country) {
        return "US".equals(country) || "CA".equals(country);
    }
}
