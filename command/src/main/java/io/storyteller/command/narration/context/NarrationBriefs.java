package io.storyteller.command.narration.context;

import io.storyteller.command.brief.BriefBeat;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;

/** The structured brief of an assembled prompt: the same lore and story, not rendered. */
final class NarrationBriefs {

    private NarrationBriefs() {
    }

    static NarrationBrief of(WorldSettings world, LoreSelection lore, Timeline timeline, boolean party) {
        List<BriefLore> entries = new ArrayList<>();
        // Entries of this scene first: they are what the action is about.
        lore.triggered().forEach(e -> entries.add(briefed(e, true)));
        lore.alwaysOn().forEach(e -> entries.add(briefed(e, false)));
        List<BriefBeat> recent = timeline.history().stream()
                .map(t -> new BriefBeat(t.isAction(), t.isAction() ? t.playerId() : null, t.text()))
                .toList();
        Turn action = timeline.action();
        return new NarrationBrief(world.name(), world.genre(), world.tone(),
                action == null ? null : action.playerId(), action == null ? null : action.text(),
                party, entries, recent, List.of());
    }

    private static BriefLore briefed(ActiveLore entry, boolean triggered) {
        LoreContent content = entry.content();
        return new BriefLore(entry.loreEntryId(), content.title(), content.category(), content.triggerKeys(),
                content.content(), triggered);
    }
}
