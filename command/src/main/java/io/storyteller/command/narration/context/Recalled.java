package io.storyteller.command.narration.context;

import java.util.List;

/**
 * What search recalled for a turn: lore entries by BM25 and meaning, and older beats of the story
 * beyond the recent window (story memory), best first, each with why.
 */
public record Recalled(List<RecalledLore> lore, List<Memory> memories) {

    public static final Recalled NOTHING = new Recalled(List.of(), List.of());

    public Recalled {
        lore = List.copyOf(lore);
        memories = List.copyOf(memories);
    }

    /** A lore entry search found, with its fused score and why it matched. */
    public record RecalledLore(String loreEntryId, double score, String reason) {
    }

    /** An older beat search found. */
    public record Memory(String beatId, String text, double score, String reason) {
    }
}
