package dev.smsbilling.bench.overhead;

import java.util.Arrays;
import java.util.Collection;

/** Latency samples in nanoseconds and their nearest-rank percentiles. */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(long... nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public static Percentiles of(Collection<Long> nanos) {
        return of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile: the smallest sample that at least {@code p} per cent of the
     * samples are less than or equal to (p50 of 1..100 is 50, p99 is 99, p100 the maximum).
     */
    public long nanos(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double millis(double p) {
        return nanos(p) / 1e6;
    }

    public double meanMillis() {
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return sum / sorted.length / 1e6;
    }

    public double maxMillis() {
        return sorted[sorted.length - 1] / 1e6;
    }
}
