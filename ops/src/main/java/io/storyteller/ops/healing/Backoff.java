package io.storyteller.ops.healing;

import java.time.Duration;

/**
 * Exponential backoff with a cap: the wait before the next try after {@code tries} tries is
 * {@code initial × 2^tries}, at most {@code max}. Pure.
 */
record Backoff(Duration initial, Duration max) {

    Duration after(int tries) {
        if (tries <= 0) {
            return initial.compareTo(max) > 0 ? max : initial;
        }
        // Doubling past 62 overflows a long; the cap is reached long before.
        int doublings = Math.min(tries, 62);
        long initialMillis = initial.toMillis();
        if (initialMillis == 0 || initialMillis > max.toMillis() >> Math.min(doublings, 62)) {
            return initialMillis == 0 ? Duration.ZERO : max;
        }
        return Duration.ofMillis(initialMillis << doublings);
    }

    static void check(String prefix, Duration initial, Duration max) {
        if (initial == null || initial.isNegative() || max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(prefix + "initial-backoff must not be negative, nor above " + prefix + "max-backoff");
        }
    }
}
