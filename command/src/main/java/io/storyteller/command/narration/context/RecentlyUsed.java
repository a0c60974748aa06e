package io.storyteller.command.narration.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** At most {@code capacity} entries, the least recently used one giving way to a new one. Thread-safe. */
final class RecentlyUsed<V> {

    private final Map<String, V> entries;

    RecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(String key, Supplier<V> create) {
        return entries.computeIfAbsent(key, k -> create.get());
    }

    synchronized int size() {
        return entries.size();
    }
}
