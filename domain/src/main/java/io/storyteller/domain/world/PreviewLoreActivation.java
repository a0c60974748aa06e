package io.storyteller.domain.world;

/**
 * Which of a world's lore entries a sample text would give the narrator, and why: trigger keys
 * (recursively, as in a turn) and always-on entries, within the lore's share of the prompt.
 * Search recall is not part of it: it depends on the story. Asked once the caller may see the world.
 */
public record PreviewLoreActivation(String worldId,
        String text) {
}
