package dev.smsbilling.pricing.segments;

import java.util.AbstractList;
import java.util.List;

/**
 * The characters of a text that force UCS-2, once each, in order of first appearance, as Twilio's
 * calculator lists them. Each is a whole grapheme cluster, because that is what a user sees and
 * can delete: "e" plus a combining accent is listed as one "é", not as a lone accent.
 *
 * <p>The list is worked out when it is first read: a quote answered over the API reads it, a
 * campaign priced in bulk never does, and listing costs a grapheme pass and a string per
 * distinct character. Unmodifiable and safe to share between threads.
 */
public final class NonGsmCharacters extends AbstractList<String> {
    private final CharSequence text;
    /** Immutable once set; a race only computes the same list twice. */
    private volatile List<String> found;

    private NonGsmCharacters(CharSequence text) {
        this.text = text;
    }

    /** The non-GSM characters of {@code text}, listed on first read. */
    public static List<String> of(CharSequence text) {
        return new NonGsmCharacters(text);
    }

    @Override
    public String get(int index) {
        return found().get(index);
    }

    @Override
    public int size() {
        return found().size();
    }

    private List<String> found() {
        List<String> list = found;
        if (list == null) {
            list = List.copyOf(list(text));
            found = list;
        }
        return list;
    }

    private static List<String> list(CharSequence text) {
        DistinctGraphemes distinct = new DistinctGraphemes(text);
        GraphemeClusters.forEach(text, (start, end) -> {
            if (!GraphemeClusters.isCrLf(text, start, end)
                    && (end - start > 1 || !GsmAlphabet.contains(text.charAt(start)))) {
                distinct.add(start, end);
            }
        });
        return distinct.inOrderOfAppearance();
    }
}
