package io.storyteller.ops.instances;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether an aggregate kept in this instance's cache may be used for the next command. On the JDBC
 * event store commands are not routed by aggregate: while another instance is alive it may have
 * appended to the aggregate since this one cached it, and a command decided on the older state
 * could be refused for the wrong reason (or pass when it should not). So while others are alive
 * each cache hit is checked against the store's last sequence number for the aggregate (one indexed
 * read); a stale copy is dropped and the aggregate is loaded from its snapshot and events. Alone,
 * or on Axon Server (which routes every command of an aggregate to one instance), the cache is
 * trusted as before.
 */
public final class CachedAggregateCheck {

    /** Axon keeps the cached aggregate's version in a private field, with no accessor. */
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventStore events;
    private final Peers peers;

    public CachedAggregateCheck(EventStore events, Peers peers) {
        this.events = events;
        this.peers = peers;
    }

    /** Whether the cached entry is the aggregate as stored now (always, when no other instance is alive). */
    public boolean current(Object aggregateId, Object entry) {
        if (!peers.othersAlive() || !(entry instanceof AggregateCacheEntry<?> cached)) {
            return true;
        }
        Long version = (Long) VERSION.get(cached);
        long stored = events.lastSequenceNumberFor(aggregateId.toString()).orElse(-1L);
        return version != null && version >= stored;
    }
}
