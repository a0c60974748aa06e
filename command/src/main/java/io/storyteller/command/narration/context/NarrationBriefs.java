package io.storyteller.command.narration.context;

import io.storyteller.command.brief.BriefBeat;
import io.storyteller.command.brief.BriefFact;
import io.storyteller.command.brief.BriefLore;
import io.storyteller.command.brief.NarrationBrief;
import io.storyteller.command.continuity.Fact;
import io.storyteller.command.continuity.StoryFactsFold;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;

/** The structured brief of an assembled prompt: the same lore and story, not rendered. */
final class NarrationBriefs {

    private NarrationBriefs() {
    }

    /** The story's standing facts, as many as a beat could use: pinned and corrected ones count most. */
    static final int MAX_FACTS = 20;

    static NarrationBrief of(WorldSettings world, LoreSelection lore, Timeline timeline, boolean party,
            List<Object> factEvents) {
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
                party, entries, recent, facts(factEvents));
    }

    private static List<BriefFact> facts(List<Object> factEvents) {
        List<Fact> standing = StoryFactsFold.fold(factEvents);
        return standing.subList(Math.max(0, standing.size() - MAX_FACTS), standing.size()).stream()
                .map(f -> new BriefFact(f.entity(), f.attribute(), f.value())).toList();
    }

    private static BriefLore briefed(ActiveLore entry, boolean triggered) {
        LoreContent content = entry.content();
        return new BriefLore(entry.loreEntryId(), content.title(), content.category(), content.triggerKeys(),
                content.content(), triggered);
    }
}
