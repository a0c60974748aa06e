package io.storyteller.command.runtime;

/** Who narrates: the world's own house model, or one configured LLM provider for every world. */
public enum NarratorProvider {
    HOUSE,
    OPENAI,
    ANTHROPIC,
    OLLAMA;

    /** The value Spring AI expects in {@code spring.ai.model.chat} to auto-configure this provider. */
    public String springAiName() {
        return name().toLowerCase();
    }
}
