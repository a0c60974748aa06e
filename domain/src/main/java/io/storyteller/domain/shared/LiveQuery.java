package io.storyteller.domain.shared;

/**
 * A subscription query whose updates say by themselves which subscriptions want them. An update is
 * sent to every open subscription of the query's type whose {@link #wants} accepts it, wherever it
 * was emitted: the emitting instance's own subscribers, and, relayed, another instance's.
 *
 * @param <U> the update's type
 */
public interface LiveQuery<U> {

    /** Whether this subscription is to get the update. */
    boolean wants(U update);
}
