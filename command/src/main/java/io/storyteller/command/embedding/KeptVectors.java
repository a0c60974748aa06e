package io.storyteller.command.embedding;

import java.util.Collection;
import java.util.Map;

/**
 * Vectors kept beyond the process, by embedder ({@code modelId@version}) and text: what an embedder
 * computed once is read back instead of computed again (a rebuild of the search indexes embeds every
 * text of the log). Vectors are deterministic per embedder version, so a kept one is the one a
 * fresh call would give; another version has other keys and misses.
 */
public interface KeptVectors {

    /** The kept vectors of those of {@code texts} that {@code embedder} embedded before, by text. */
    Map<String, float[]> find(String embedder, Collection<String> texts);

    /** Keeps {@code vectors} (by text) as {@code embedder}'s; a text kept already stays as it was. */
    void keep(String embedder, Map<String, float[]> vectors);

    /** Nothing kept: every text missing from memory is embedded. */
    static KeptVectors none() {
        return new KeptVectors() {
            @Override
            public Map<String, float[]> find(String embedder, Collection<String> texts) {
                return Map.of();
            }

            @Override
            public void keep(String embedder, Map<String, float[]> vectors) {
                // nowhere to keep them
            }
        };
    }
}
