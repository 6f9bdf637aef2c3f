package dev.smsbilling.billing.store.dynamodb;

import dev.smsbilling.billing.store.InvalidCursorException;
import dev.smsbilling.http.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transactions cursors. A cursor carries only a seq, and the query always uses the caller's own
 * account, so no cursor can reach another account's ledger. The tag binds the seq to the account
 * it was issued for so a foreign or edited cursor is reported as invalid instead of quietly
 * paging somewhere else. (The tag is not secret and needs not be: it guards mistakes, the
 * account-scoped query guards data.)
 */
final class Cursors {
    private static final Pattern FORMAT = Pattern.compile("v1\\.([1-9][0-9]{0,11})\\.([0-9a-f]{16})");

    private Cursors() {
    }

    static String encode(String accountId, long seq) {
        String plain = "v1." + seq + "." + tag(accountId, seq);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq the next page starts below. */
    static long decode(String accountId, String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not valid");
        }
        Matcher matcher = FORMAT.matcher(plain);
        if (!matcher.matches()) {
            throw new InvalidCursorException("cursor is not valid");
        }
        long seq = Long.parseLong(matcher.group(1));
        if (!tag(accountId, seq).equals(matcher.group(2))) {
            throw new InvalidCursorException("cursor does not belong to this account");
        }
        return seq;
    }

    private static String tag(String accountId, long seq) {
        byte[] digest = Sha256.digest(("transactions-cursor|" + accountId + "|" + seq).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
