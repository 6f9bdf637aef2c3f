package dev.smsbilling.account;

import dev.smsbilling.http.ApiException;
import dev.smsbilling.http.ApiRequest;
import dev.smsbilling.http.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code ?limit=1..100&cursor=...}, both optional; anything else in them is a 400 naming the parameter. */
record TransactionsQuery(int limit, Optional<String> cursor) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    /** Our cursors are a few dozen characters; a longer one cannot be ours. */
    private static final int MAX_CURSOR_LENGTH = 200;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");

    static TransactionsQuery from(ApiRequest request) {
        List<FieldError> errors = new ArrayList<>();
        int limit = DEFAULT_LIMIT;
        String rawLimit = request.queryParameter("limit");
        if (rawLimit != null) {
            if (DIGITS.matcher(rawLimit).matches() && Integer.parseInt(rawLimit) >= 1 && Integer.parseInt(rawLimit) <= MAX_LIMIT) {
                limit = Integer.parseInt(rawLimit);
            } else {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        String cursor = request.queryParameter("cursor");
        if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH)) {
            errors.add(new FieldError("cursor", "is not a cursor this account was given; pass the nextCursor of the previous page unchanged"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The query is not valid.", errors);
        }
        return new TransactionsQuery(limit, Optional.ofNullable(cursor));
    }
}
