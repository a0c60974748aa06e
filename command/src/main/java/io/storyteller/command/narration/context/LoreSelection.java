package io.storyteller.command.narration.context;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The lore given to the narrator, each list in rank order, with why each entry is there:
 * {@code always-on}, {@code key:<the key that occurred>}, {@code via:<the entry whose content named it>}
 * or {@code retrieved: <what matched>}.
 */
record LoreSelection(List<ActiveLore> alwaysOn, List<ActiveLore> triggered, Map<String, String> reasons) {

    /** The ids of the entries used, always-on first, as recorded in the narration's provenance. */
    List<String> entryIds() {
        return Stream.concat(alwaysOn.stream(), triggered.stream()).map(ActiveLore::loreEntryId).toList();
    }
}
