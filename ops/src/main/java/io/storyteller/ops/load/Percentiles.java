package io.storyteller.ops.load;

import java.util.Arrays;

/**
 * Latency samples in microseconds and their nearest-rank percentiles: the p-th percentile is the
 * smallest sample that at least p % of all samples do not exceed.
 */
public final class Percentiles {

    private long[] samples = new long[1024];
    private int count;

    public synchronized void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    public synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100); -1 when there is no sample. */
    public synchronized long percentile(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile lies in (0, 100], not " + p);
        }
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(rank, 1) - 1];
    }

    public synchronized long max() {
        return count == 0 ? -1 : Arrays.stream(samples, 0, count).max().orElse(-1);
    }

    /** "n=…, p50 …, p90 …, p99 …, max …" in milliseconds. */
    public String summary() {
        if (count() == 0) {
            return "n=0";
        }
        return "n=%d  p50 %s  p90 %s  p99 %s  max %s".formatted(count(), millis(percentile(50)), millis(percentile(90)),
                millis(percentile(99)), millis(max()));
    }

    private static String millis(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
