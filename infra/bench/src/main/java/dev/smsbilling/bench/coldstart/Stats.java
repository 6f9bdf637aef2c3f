package dev.smsbilling.bench.coldstart;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The little arithmetic of the report: medians, minima, ratios, sizes. */
public final class Stats {
    private Stats() {
    }

    /** The median; of an even count, the mean of the middle two. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(() -> new IllegalArgumentException("no values"));
    }

    /** {@code value / floor}; NaN when the floor is not positive. */
    public static double ratio(double value, double floor) {
        return floor > 0 ? value / floor : Double.NaN;
    }

    /** "1.23×", or "n/a". */
    public static String times(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    public static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** The order of the i-th round: the targets rotated by i, so that none always runs first. */
    public static <T> List<T> rotated(List<T> targets, int round) {
        if (targets.isEmpty()) {
            return targets;
        }
        int shift = Math.floorMod(round, targets.size());
        Object[] out = new Object[targets.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = targets.get((i + shift) % targets.size());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return list;
    }
}
