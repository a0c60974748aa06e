package io.storyteller.command.narration.context;

import io.storyteller.domain.world.WorldSettings;
import java.util.List;

/**
 * The narrator's system message: who it is and in which world, the content rules, the lore, the
 * pinned memory, and last the author's note, since instructions nearest the story weigh most.
 */
final class SystemPrompt {

    private SystemPrompt() {
    }

    static String render(WorldSettings world, LoreSelection lore, List<Recalled.Memory> memories, String pinnedMemory,
            String authorsNote, boolean partyPlay) {
        StringBuilder text = new StringBuilder();
        text.append("You are the narrator of an interactive story set in the world \"").append(world.name()).append("\".\n");
        text.append("Genre: ").append(world.genre()).append(". Tone: ").append(world.tone()).append(".\n");
        text.append("Premise: ").append(world.premise()).append('\n');
        if (present(world.narrativeStyle())) {
            text.append("Narrative style: ").append(world.narrativeStyle()).append('\n');
        }
        text.append(ContentGuidance.forRating(world.contentRating())).append('\n');
        text.append("Continue the story in answer to the player's last action. Write only the narration: "
                + "never act, speak or decide for a player.");
        if (partyPlay) {
            text.append(" Several players share this story; each action is prefixed with its player's name.");
        }
        text.append('\n');
        section(text, "Lore that always holds in this world:", lore.alwaysOn());
        section(text, "Lore relevant to the current scene:", lore.triggered());
        if (!memories.isEmpty()) {
            text.append("\nEarlier in this story (recalled):\n");
            memories.forEach(m -> text.append("- ").append(m.text()).append('\n'));
        }
        if (present(pinnedMemory)) {
            text.append("\nRemember:\n").append(pinnedMemory.strip()).append('\n');
        }
        if (present(authorsNote)) {
            text.append("\nAuthor's note: ").append(authorsNote.strip()).append('\n');
        }
        return text.toString().strip();
    }

    private static void section(StringBuilder text, String heading, List<ActiveLore> entries) {
        if (entries.isEmpty()) {
            return;
        }
        text.append('\n').append(heading).append('\n');
        // Rendered exactly as LoreSelector.cost() counts it.
        entries.forEach(e -> text.append("- ").append(e.content().title()).append(": ")
                .append(e.content().content()).append('\n'));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
