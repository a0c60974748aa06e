package io.storyteller.domain.validation;

/** Where an evaluation suite's items come from. */
public enum DatasetKind {
    /** The most recent recorded turns of a world (or of all worlds), replayed with their recorded context. */
    RECENT_TURNS,
    /** A labelled JSONL file under the data directory, named relative to it. */
    FILE,
    /** A labelled JSONL file shipped with the application, e.g. {@code eval/guardrail-holdout.jsonl}. */
    CLASSPATH
}
