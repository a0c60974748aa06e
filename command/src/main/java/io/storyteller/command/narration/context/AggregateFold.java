package io.storyteller.command.narration.context;

/**
 * State folded from one aggregate's event stream, remembering how far it has read, so that
 * bringing it up to date reads only the events appended since.
 */
abstract class AggregateFold {

    private long nextSequence;

    /** The sequence number of the first event not applied yet. */
    final long nextSequence() {
        return nextSequence;
    }

    final void applied(long sequenceNumber) {
        nextSequence = sequenceNumber + 1;
    }

    /** Forgets everything: the next catch-up reads the stream from its first event. */
    void reset() {
        nextSequence = 0;
    }

    /** Folds one event's payload in; events that change nothing here are ignored. */
    abstract void apply(Object payload);
}
