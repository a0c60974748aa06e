package io.storyteller.command.narration.context;

import io.storyteller.domain.world.NarrationPolicy;
import io.storyteller.domain.world.WorldSettings;
import java.util.List;

/**
 * What the narrator knows when a narration is asked for.
 *
 * @param world        the world's settings
 * @param lorebook     the world's active lore entries, indexed by trigger key
 * @param authorsNote  the story's author's note, or null
 * @param pinnedMemory the story's pinned memory, or null
 * @param participants the story's players
 * @param recentBeats  the story's last beats, oldest first
 * @param policy       how the world's turns are narrated
 * @param factEvents   the story's continuity fact events (recorded, pinned, corrected), oldest first
 * @param firstBeat    the story position (1-based) of the first recent beat
 */
public record StoryContext(WorldSettings world, Lorebook lorebook, String authorsNote, String pinnedMemory,
        List<String> participants, List<Turn> recentBeats, NarrationPolicy policy, List<Object> factEvents,
        int firstBeat) {

    /** A context under the default narration policy. */
    public StoryContext(WorldSettings world, List<ActiveLore> lore, String authorsNote, String pinnedMemory,
            List<String> participants, List<Turn> recentBeats) {
        this(world, Lorebook.of(lore), authorsNote, pinnedMemory, participants, recentBeats, NarrationPolicy.defaults(),
                List.of(), 1);
    }

    public StoryContext {
        lorebook = lorebook == null ? Lorebook.of(List.of()) : lorebook;
        participants = participants == null ? List.of() : List.copyOf(participants);
        recentBeats = recentBeats == null ? List.of() : List.copyOf(recentBeats);
        policy = policy == null ? NarrationPolicy.defaults() : policy;
        factEvents = factEvents == null ? List.of() : List.copyOf(factEvents);
        firstBeat = Math.max(firstBeat, 1);
    }

    /** The world's active lore entries, in the world's order. */
    public List<ActiveLore> lore() {
        return lorebook.entries();
    }
}
