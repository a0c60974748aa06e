package io.storyteller.domain.corpus;

/** Where a corpus export stands. */
public enum CorpusExportStatus {
    RUNNING,
    COMPLETED,
    /** It stopped with an error, or the application stopped while it ran. */
    FAILED
}
