package io.storyteller.ops.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What a load run counted: sessions, updates received, latencies, closes and errors. */
final class LoadTally {

    final AtomicLong connected = new AtomicLong();
    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final LongAdder events = new LongAdder();
    final AtomicLong actions = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    /** NarrationRecorded's timestamp (the beat's createdAt) to the moment a watcher received the beat. */
    final Percentiles delivery = new Percentiles();
    /** A player's submitPlayerAction sent to its narration beat received. */
    final Percentiles actionToNarration = new Percentiles();
    final Map<String, AtomicLong> closeCodes = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private volatile boolean closing;

    void event() {
        events.increment();
    }

    void delivered(Duration latency) {
        delivery.add(Math.max(0, latency.toNanos() / 1000));
    }

    void narrated(Duration sinceAction) {
        actionToNarration.add(sinceAction.toNanos() / 1000);
    }

    /** From now on closes are the run's own, not drops. */
    void closing() {
        closing = true;
    }

    void closedByServer(int code, String reason) {
        if (!closing) {
            dropped.incrementAndGet();
            closeCodes.computeIfAbsent(code + (reason == null || reason.isBlank() ? "" : " " + reason),
                    key -> new AtomicLong()).incrementAndGet();
        }
    }

    void failed(Throwable error) {
        if (!closing) {
            dropped.incrementAndGet();
            error(error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        }
    }

    void error(String kind) {
        errors.incrementAndGet();
        String key = errorKinds.size() >= 50 ? "(other errors)" : kind.length() > 160 ? kind.substring(0, 160) + "…" : kind;
        errorKinds.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
}
