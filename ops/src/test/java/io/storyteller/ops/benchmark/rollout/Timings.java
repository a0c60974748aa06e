package io.storyteller.ops.benchmark.rollout;

import java.util.Arrays;

/** Sorted samples in nanoseconds, summarised as mean and percentiles (nearest rank). */
record Timings(long[] sortedNanos) {

    static Timings of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Timings(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    double meanNanos() {
        return Arrays.stream(sortedNanos).average().orElse(0);
    }

    long percentileNanos(double p) {
        int rank = (int) Math.ceil(p * sortedNanos.length);
        return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)];
    }

    long maxNanos() {
        return sortedNanos[sortedNanos.length - 1];
    }

    static double micros(double nanos) {
        return nanos / 1_000.0;
    }

    static double millis(double nanos) {
        return nanos / 1_000_000.0;
    }
}
