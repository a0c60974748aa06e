package io.storyteller.command.corpus;

/**
 * The 128-bit hashes of the texts a dataset already holds, in an open-addressing table of longs:
 * 16 bytes a record instead of a boxed entry, so deduplicating millions of records stays small.
 */
final class SeenTexts {

    private static final double MAX_LOAD = 0.6;

    private long[] slots = new long[2 * 1024];
    private boolean[] used = new boolean[1024];
    private int size;

    /** Adds the hash; false when it was already there. The pair (0, 0) is a hash like any other. */
    boolean add(long high, long low) {
        if (size + 1 > used.length * MAX_LOAD) {
            grow();
        }
        int mask = used.length - 1;
        for (int i = (int) mix(high ^ low) & mask; ; i = (i + 1) & mask) {
            if (!used[i]) {
                used[i] = true;
                slots[2 * i] = high;
                slots[2 * i + 1] = low;
                size++;
                return true;
            }
            if (slots[2 * i] == high && slots[2 * i + 1] == low) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        slots = new long[oldSlots.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldSlots[2 * i], oldSlots[2 * i + 1]);
            }
        }
    }

    private static long mix(long value) {
        long h = value * 0x9e3779b97f4a7c15L;
        return h ^ h >>> 32;
    }
}
