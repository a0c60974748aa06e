package io.storyteller.command.runtime;

import java.util.Locale;

/**
 * Who narrates a world that no deployment routes: {@code house} (each world's own house model) or
 * the name of a provider endpoint ({@code openai}, {@code anthropic}, {@code ollama}, or one
 * declared under {@code storyteller.providers}), whose default model then narrates every world.
 */
public record NarratorProvider(String name) {

    private static final String HOUSE_NAME = "house";

    public static final NarratorProvider HOUSE = new NarratorProvider(HOUSE_NAME);

    public NarratorProvider {
        name = name == null || name.isBlank() ? HOUSE_NAME : name.strip().toLowerCase(Locale.ROOT);
    }

    /** How configuration binds it: {@code storyteller.narrator.provider=local-vllm}. */
    public static NarratorProvider of(String name) {
        return new NarratorProvider(name);
    }

    public boolean isHouse() {
        return HOUSE_NAME.equals(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
