package io.storyteller.command.background;

import java.util.function.Supplier;

/**
 * Lets a background task's result be written until the application stops, and never after. A
 * training cannot be interrupted, so one still running at shutdown ends on its own; what it would
 * store is refused here instead of being written into a data directory that may be going away.
 */
public final class ClosingGate {

    private final Object lock = new Object();
    private boolean closed;

    /**
     * Runs {@code write} unless the gate is closed, in which case nothing is written and the caller
     * gets an {@link IllegalStateException} naming {@code what}.
     */
    public <T> T write(String what, Supplier<T> write) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the application is stopping: " + what + " is not stored");
            }
            return write.get();
        }
    }

    /** Refuses every write from now on; returns once a write in progress is in place. */
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}
