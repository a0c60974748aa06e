package io.storyteller.command.brief;

import java.util.List;

/**
 * One lore entry as the narrator is given it.
 *
 * @param triggered whether a trigger key activated it in this scene (else it is always on)
 */
public record BriefLore(String loreEntryId, String title, String category, List<String> triggerKeys,
        String content, boolean triggered) {

    public BriefLore {
        triggerKeys = triggerKeys == null ? List.of() : List.copyOf(triggerKeys);
        content = content == null ? "" : content;
        category = category == null ? "general" : category;
    }
}
