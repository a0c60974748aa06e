package io.storyteller.domain.model;

/** What a model does when called. */
public enum ModelKind {
    /** Generates text from messages: narrators, reviewers, LLM guards and judges. */
    CHAT,
    /** Turns text into vectors for retrieval. */
    EMBEDDING,
    /** Scores text against labels: AI-text detectors, harm classifiers. */
    CLASSIFIER
}
