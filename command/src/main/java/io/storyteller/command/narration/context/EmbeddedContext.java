package io.storyteller.command.narration.context;

import java.util.ArrayList;
import java.util.List;

/**
 * A turn's context as the world's embedder read it: recall searches by its meaning, and the
 * coherence stage compares each candidate with it, so one embedding serves both.
 *
 * @param embedder the model version that made the vector ({@code modelId@version}): a vector is
 *                 only compared with vectors of the same one
 */
public record EmbeddedContext(String text, float[] vector, String embedder) {

    /** The story lines before the action that the context holds. */
    public static final int CONTEXT_BEATS = 2;

    /**
     * The context text: the action, then the last {@value #CONTEXT_BEATS} story lines, newest first.
     * An embedder reads a bounded number of tokens from the start, so what matters most comes first.
     *
     * @param storyLines the recent beats, oldest first
     */
    public static String text(List<String> storyLines, String action) {
        List<String> parts = new ArrayList<>();
        if (action != null && !action.isBlank()) {
            parts.add(action);
        }
        for (int i = storyLines.size() - 1; i >= Math.max(0, storyLines.size() - CONTEXT_BEATS); i--) {
            parts.add(storyLines.get(i));
        }
        return String.join("\n", parts);
    }
}
