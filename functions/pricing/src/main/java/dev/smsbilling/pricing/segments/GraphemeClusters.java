package dev.smsbilling.pricing.segments;

/** Walks a text's grapheme clusters as Twilio's calculator splits them, by position: nothing is copied. */
final class GraphemeClusters {

    /** Receives each cluster as the half-open range of UTF-16 units it spans. */
    interface Sink {
        void cluster(int start, int end);
    }

    private GraphemeClusters() {
    }

    static void forEach(CharSequence text, Sink sink) {
        GraphemeBreaker breaker = new GraphemeBreaker();
        int clusterStart = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            BreakProperty property = BreakPropertyTable.of(codePoint);
            if (i == 0) {
                breaker.begin(property);
            } else if (breaker.breaksBefore(property)) {
                sink.cluster(clusterStart, i);
                clusterStart = i;
            }
            i += Character.charCount(codePoint);
        }
        if (text.length() > 0) {
            sink.cluster(clusterStart, text.length());
        }
    }

    /** CR LF is one cluster, which Twilio's calculator takes apart again into two characters. */
    static boolean isCrLf(CharSequence text, int start, int end) {
        return end - start == 2 && text.charAt(start) == '\r' && text.charAt(start + 1) == '\n';
    }
}
