package io.storyteller.command.continuity;

import java.util.ArrayList;
import java.util.List;

/** What one check reads: the world's lore, the story so far, the facts that stand and the candidate beat. */
record Scene(List<String> lore, List<StoryLine> lines, List<Fact> facts, String candidate) {

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

    /** The story's lines told after beat {@code beat} (1-based), joined; after the lore (0) that is the whole story. */
    String storyAfter(int beat) {
        List<String> texts = new ArrayList<>();
        for (int i = Math.max(beat, 0); i < lines.size(); i++) {
            texts.add(lines.get(i).text());
        }
        return String.join(" ", texts);
    }

    String loreText() {
        return String.join(" ", lore);
    }

    /** Lore and story together: what the reader has been told before the candidate. */
    String told() {
        return loreText() + " " + storyAfter(0);
    }
}
