package io.storyteller.domain.model;

/** Where a model comes from, which decides what the platform holds of it and what it costs. */
public enum ModelSource {
    /** Called at a provider's API and paid per token. */
    PAID_API,
    /** Served from a runtime the platform operates (e.g. an Ollama server). */
    SELF_HOSTED,
    /** Downloaded (Hugging Face, Ollama library) and run from its files. */
    DOWNLOADED,
    /** Trained by the platform from its own event log. */
    HOUSE_TRAINED,
    /** Fine-tuned from another model, by the platform or at a provider. */
    FINE_TUNED,
    /** A named preset of a base model for one use case; derived, never registered by hand. */
    VARIANT;

    /** Runs on the platform's own hardware, so no provider bills its tokens. */
    public boolean runsInHouse() {
        return this == SELF_HOSTED || this == DOWNLOADED || this == HOUSE_TRAINED;
    }

    /** The platform holds the model's files, so each version names its artifact. */
    public boolean holdsFiles() {
        return this == DOWNLOADED || this == HOUSE_TRAINED;
    }
}
