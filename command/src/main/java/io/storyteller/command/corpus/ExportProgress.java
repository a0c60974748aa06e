package io.storyteller.command.corpus;

/** Told how far an export has read, e.g. to move a progress bar; called on the exporting thread. */
public interface ExportProgress {

    ExportProgress NONE = new ExportProgress() {
    };

    /** Reading begins; {@code lastSequence} is where it will stop (-1 for an empty log). */
    default void started(long lastSequence) {
    }

    /** An event was read. */
    default void read(long sequence) {
    }
}
