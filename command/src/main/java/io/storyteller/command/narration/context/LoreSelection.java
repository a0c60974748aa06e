package io.storyteller.command.narration.context;

import java.util.List;
import java.util.stream.Stream;

/** The lore given to the narrator, each list in rank order. */
record LoreSelection(List<ActiveLore> alwaysOn, List<ActiveLore> triggered) {

    /** The ids of the entries used, always-on first, as recorded in the narration's provenance. */
    List<String> entryIds() {
        return Stream.concat(alwaysOn.stream(), triggered.stream()).map(ActiveLore::loreEntryId).toList();
    }
}
