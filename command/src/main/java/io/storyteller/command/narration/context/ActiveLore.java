package io.storyteller.command.narration.context;

import io.storyteller.domain.world.LoreContent;

/** A lore entry of the world that is not retired, as the narrator may be told it. */
public record ActiveLore(String loreEntryId, LoreContent content) {
}
