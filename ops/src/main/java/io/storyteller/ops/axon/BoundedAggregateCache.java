package io.storyteller.ops.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's aggregate cache on Caffeine: at most {@code maximumSize} aggregates of one type stay in
 * memory between commands, the least recently used leaving first, and their values are soft
 * references, so a heap under pressure sheds them before it runs out. Axon's own weak-reference
 * cache lost every aggregate at each garbage collection, which under load meant rebuilding the
 * story from its snapshot and events for most commands.
 */
public final class BoundedAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final BiPredicate<Object, Object> current;

    public BoundedAggregateCache(long maximumSize) {
        this(maximumSize, (key, value) -> true);
    }

    /**
     * @param current whether a cached entry may still be used (another instance may have changed the
     *                aggregate); one that may not is dropped, and the aggregate is loaded from the store
     */
    public BoundedAggregateCache(long maximumSize, BiPredicate<Object, Object> current) {
        this.current = current;
        if (maximumSize < 1) {
            throw new IllegalArgumentException("an aggregate cache holds at least 1 entry");
        }
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(listener -> listener.onEntryExpired(key));
                    }
                })
                .build().asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        V value = (V) entries.get(key);
        if (value != null && !current.test(key, value)) {
            remove(key);
            return null;
        }
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            listeners.forEach(listener -> listener.onEntryCreated(key, value));
        }
        return added;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        entries.keySet().forEach(this::remove);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
