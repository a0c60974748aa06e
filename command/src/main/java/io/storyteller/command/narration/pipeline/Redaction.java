package io.storyteller.command.narration.pipeline;

import io.storyteller.domain.world.ContentRating;
import java.util.List;

/**
 * Takes out of a candidate the sentences the world's rating does not allow, each judged by the
 * guardrail on its own. What is left is used only when it still reads as an answer: at least
 * {@value #MIN_KEPT_SHARE} of the sentences, and the remainder as a whole allowed.
 */
public final class Redaction {

    static final double MIN_KEPT_SHARE = 0.5;

    private Redaction() {
    }

    /**
     * Judged by the guardrail version that judges the story, the one that refused the candidate.
     *
     * @return the redacted text, or null when too little of it is left to show
     */
    public static String redact(HarmGuard guard, String worldId, String storyId, ContentRating rating, String text) {
        List<String> sentences = Sentences.of(text);
        StringBuilder kept = new StringBuilder();
        int keptCount = 0;
        for (String sentence : sentences) {
            if (guard.checkFor(worldId, storyId, rating, sentence, HarmGuard.Source.NARRATION).allowed()) {
                kept.append(sentence);
                keptCount++;
            }
        }
        String remainder = kept.toString().strip();
        if (remainder.isEmpty() || keptCount < MIN_KEPT_SHARE * sentences.size()) {
            return null;
        }
        return guard.checkFor(worldId, storyId, rating, remainder, HarmGuard.Source.NARRATION).allowed() ? remainder : null;
    }
}
