package io.storyteller.command.housemodel.corpus;

import java.util.List;

/**
 * What a house model learns from, folded from the event log: a world's active lore entries, then
 * its stories' beats as they now stand (lore first, stories in the order they started).
 *
 * @param key           the world id, or {@link #PLATFORM} for all worlds' lore
 * @param entries       the documents, none blank
 * @param loreChangedAt global index of the last lore event (added, revised, retired); -1 if none
 * @param archived      the world is archived and records no new model versions
 * @param range         global indexes of the first and last event read to build it
 */
public record WorldCorpus(String key, List<CorpusDocument> entries, long loreChangedAt, boolean archived,
                          CorpusRange range) {

    /** The key of the corpus of every world's lore, which the platform model learns from. */
    public static final String PLATFORM = "platform";

    public WorldCorpus {
        entries = List.copyOf(entries);
    }

    public List<String> documents() {
        return entries.stream().map(CorpusDocument::text).toList();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Documents added or rewritten after the given event. */
    public int changedSince(long eventIndex) {
        return (int) entries.stream().filter(entry -> entry.changedAt() > eventIndex).count();
    }

    public boolean loreChangedSince(long eventIndex) {
        return loreChangedAt > eventIndex;
    }
}
