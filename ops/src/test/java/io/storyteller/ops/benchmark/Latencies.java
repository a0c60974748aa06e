package io.storyteller.ops.benchmark;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Latencies in nanoseconds, collected by one thread at a time and merged at the end of a run. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    /** The values recorded between two fractions of this collection's order, e.g. the first tenth: 0.0 to 0.1. */
    Latencies slice(double from, double to) {
        Latencies part = new Latencies();
        for (int i = (int) Math.floor(from * size); i < (int) Math.ceil(to * size) && i < size; i++) {
            part.add(values[i]);
        }
        return part;
    }

    /** The value at quantile {@code q} (nearest rank), in milliseconds; NaN when empty. */
    double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }

    double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size / TimeUnit.MILLISECONDS.toNanos(1);
    }
}
