package dev.smsbilling.pricing.destination;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.smsbilling.pricing.PricingException;

/**
 * Turns a recipient in E.164 into a {@link Destination}, with libphonenumber deciding validity
 * and country. Refused, as the sender's error: anything but a strict {@code +digits} E.164
 * string, a number no region's numbering plan allows, non-geographic numbers (no country to
 * price), and numbers reserved for fiction (NANP 555-0100..0199), which reach nobody.
 *
 * <p>A strict E.164 string needs none of what {@code PhoneNumberUtil.parse} is for (spaces,
 * punctuation, national formats, extensions), and that parsing cost more than everything else
 * in a quote; so the number is split into country code and national number here, and
 * libphonenumber only decides the region and validity, each once.
 */
public final class DestinationParser {
    private static final int MAX_E164_LENGTH = 16; // '+' and at most 15 digits
    private static final int MAX_COUNTRY_CODE_DIGITS = 3;
    private static final String UNKNOWN_REGION = "ZZ";
    private static final String NON_GEOGRAPHIC = "001";
    private static final String NOT_E164 = "must be an E.164 number such as +14155552671";

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    public Destination parse(String to) {
        requireE164Shape(to);
        PhoneNumber number = split(to);
        String region = phoneNumbers.getRegionCodeForNumber(number);
        if (NON_GEOGRAPHIC.equals(region)) {
            throw invalid("must be the number of a country, not a non-geographic number");
        }
        if (region == null || !phoneNumbers.isValidNumberForRegion(number, region)) {
            throw invalid("must be a valid phone number of some country's numbering plan");
        }
        if (number.getCountryCode() == 1 && isFictional(number.getNationalNumber())) {
            throw invalid("must not be in the 555-0100..0199 range reserved for fictional use");
        }
        return new Destination(to, region);
    }

    /** Country codes are prefix-free, so the first 1..3 digits that name one are the country code. */
    private PhoneNumber split(String to) {
        for (int digits = 1; digits <= MAX_COUNTRY_CODE_DIGITS && digits < to.length() - 1; digits++) {
            int countryCode = Integer.parseInt(to, 1, 1 + digits, 10);
            if (UNKNOWN_REGION.equals(phoneNumbers.getRegionCodeForCountryCode(countryCode))) {
                continue;
            }
            String national = to.substring(1 + digits);
            PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
            int leadingZeros = 0;
            while (leadingZeros < national.length() - 1 && national.charAt(leadingZeros) == '0') {
                leadingZeros++;
            }
            if (leadingZeros > 0) { // kept, as libphonenumber does for Italian fixed lines
                number.setItalianLeadingZero(true).setNumberOfLeadingZeros(leadingZeros);
            }
            return number;
        }
        throw invalid(NOT_E164);
    }

    private static void requireE164Shape(String to) {
        if (to == null || to.length() < 3 || to.length() > MAX_E164_LENGTH || to.charAt(0) != '+' || to.charAt(1) == '0') {
            throw invalid(NOT_E164);
        }
        for (int i = 1; i < to.length(); i++) {
            char c = to.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(NOT_E164);
            }
        }
    }

    private static boolean isFictional(long nationalNumber) {
        long subscriber = nationalNumber % 10_000_000; // NXX-XXXX
        return subscriber >= 5_550_100 && subscriber <= 5_550_199;
    }

    // The input is not echoed: it may be megabytes long or hold characters no log should carry.
    private static PricingException invalid(String reason) {
        return new PricingException("to", reason);
    }
}
