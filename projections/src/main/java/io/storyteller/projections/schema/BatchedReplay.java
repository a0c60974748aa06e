package io.storyteller.projections.schema;

import org.axonframework.eventhandling.EventMessage;

/**
 * A projection that, while replaying, only collects an event's writes and writes a whole batch's at
 * its end. Its handlers then touch no table, so they need no savepoint of their own (a savepoint is a
 * round trip per event); an event whose handler fails has its collected writes dropped instead, so
 * an event is still handled wholly or not at all.
 */
public interface BatchedReplay {

    /** Whether this event's handlers only collect writes. */
    boolean collects(EventMessage<?> event);

    /** Drops what the event's handlers collected: one of them failed on it. */
    void discard(EventMessage<?> event);
}
