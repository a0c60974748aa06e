package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreEntryView;
import java.util.List;
import java.util.stream.Stream;

/** The lore given to the narrator, each list in rank order. */
record LoreSelection(List<LoreEntryView> alwaysOn, List<LoreEntryView> triggered) {

    /** The ids of the entries used, always-on first, as recorded in the narration's provenance. */
    List<String> entryIds() {
        return Stream.concat(alwaysOn.stream(), triggered.stream()).map(LoreEntryView::loreEntryId).toList();
    }
}
