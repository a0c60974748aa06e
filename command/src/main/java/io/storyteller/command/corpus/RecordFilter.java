package io.storyteller.command.corpus;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.shared.DomainRejection;
import java.util.List;
import java.util.Set;

/**
 * Which events yield records: inside the selection's sequence and time range, of its worlds and
 * of its event types. Events outside still feed the context (lore, settings, earlier beats).
 */
final class RecordFilter {

    /** The event types that yield records; the others only ever feed the context. */
    static final List<String> RECORD_TYPES = List.of("LoreEntryAdded", "LoreEntryRevised", "PlayerActionSubmitted",
            "NarrationRecorded", "BeatEdited", "BeatRated", "BeatFlagged");

    private final CorpusSelection selection;
    private final Set<String> worlds;
    private final Set<String> types;

    RecordFilter(CorpusSelection selection) {
        this.selection = selection;
        this.worlds = Set.copyOf(selection.worldIds());
        for (int i = 0; i < selection.eventTypes().size(); i++) {
            if (!RECORD_TYPES.contains(selection.eventTypes().get(i))) {
                throw DomainRejection.invalid("selection.eventTypes[" + i + "]", "one-of:" + String.join(",", RECORD_TYPES),
                        "selection.eventTypes[" + i + "] must be one of " + RECORD_TYPES);
            }
        }
        this.types = Set.copyOf(selection.eventTypes());
    }

    /** Whether the world's texts are folded at all. */
    boolean folds(String worldId) {
        return worlds.isEmpty() || worlds.contains(worldId);
    }

    /** Whether the event lies in the selected range and is of a selected type. */
    boolean yields(LoggedEvent event) {
        return inRange(event) && (types.isEmpty() || types.contains(event.payload().getClass().getSimpleName()));
    }

    boolean inRange(LoggedEvent event) {
        return (selection.fromSequence() == null || event.sequence() >= selection.fromSequence())
                && (selection.toSequence() == null || event.sequence() <= selection.toSequence())
                && (selection.from() == null || !event.time().isBefore(selection.from()))
                && (selection.to() == null || event.time().isBefore(selection.to()));
    }
}
