package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;

/**
 * What one check reads: the world's lore, the story so far, the facts that stand and the candidate
 * beat. The lines may be the story's last ones only: {@code offset} beats come before the first of
 * them, and facts name beats by their place in the whole story.
 */
record Scene(List<String> lore, List<StoryLine> lines, List<Fact> facts, String candidate, int offset) {

    Scene(List<String> lore, List<StoryLine> lines, List<Fact> facts, String candidate) {
        this(lore, lines, facts, candidate, 0);
    }

    /** Shorter sentences ("Nobody moves.") say too little to be a retelling. */
    private static final int RETOLD_WORDS = 5;

    Scene {
        lore = List.copyOf(lore);
        lines = List.copyOf(lines);
        facts = List.copyOf(facts);
    }

    List<Fact> facts(ContinuityKind kind) {
        return facts.stream().filter(f -> f.kind() == kind).toList();
    }

    List<String> candidateSentences() {
        return Prose.sentences(candidate);
    }

    /**
     * The story's lines told after beat {@code beat} (1-based, in the whole story), joined; after the
     * lore (0), or after a beat before the first line, that is every line.
     */
    String storyAfter(int beat) {
        List<String> texts = new ArrayList<>();
        for (int i = Math.max(beat - offset, 0); i < lines.size(); i++) {
            texts.add(lines.get(i).text());
        }
        return String.join(" ", texts);
    }

    /**
     * Whether the candidate's sentence tells a lore sentence again, word for word: a narrator that
     * restates the lore ("No one can throw fire, raise the dead or fly.") does not break it. Asked
     * only of a sentence about to be called a contradiction, so the lore is scanned rarely.
     */
    boolean retells(String sentence) {
        String told = sentence.strip();
        return Prose.words(told).size() >= RETOLD_WORDS && lore.stream().anyMatch(entry -> entry.contains(told));
    }

    String loreText() {
        return String.join(" ", lore);
    }
}
