package io.storyteller.ops.backup;

/** Told as a backup or restore moves each table's bytes, for a progress bar. */
public interface TransferProgress {

    TransferProgress NONE = new TransferProgress() {
        @Override
        public void table(String name, long expectedBytes) {
        }

        @Override
        public void moved(long bytes) {
        }
    };

    /** A table begins; about {@code expectedBytes} will move (an estimate when backing up). */
    void table(String name, long expectedBytes);

    /** Bytes of the current table moved so far. */
    void moved(long bytes);
}
