package io.storyteller.ops.instances;

/**
 * How many instances were alive on this database at this one's last heartbeat (this one among
 * them). The {@link SegmentBalancer} writes it; the {@link LiveRelay} and the
 * {@link CachedAggregateCheck} read it, and work only while others are alive.
 */
public final class Peers {

    private volatile int alive = 1;

    /** The live instances at the last heartbeat, this one among them. */
    public int alive() {
        return alive;
    }

    /** Whether another instance was alive at the last heartbeat. */
    public boolean othersAlive() {
        return alive > 1;
    }

    void seen(int instances) {
        alive = Math.max(1, instances);
    }
}
