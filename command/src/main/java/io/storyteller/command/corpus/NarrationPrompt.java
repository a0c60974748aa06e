package io.storyteller.command.corpus;

import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a narration was asked with, as the log recorded it when it was written: the world's settings,
 * the lore its provenance names, the author's note and pinned memory, the story's recent beats and
 * the player's action. Holds references to texts the fold already keeps, so a prompt costs a few
 * pointers, not a copy of its context.
 */
record NarrationPrompt(WorldSettings settings, List<LoreContent> lore, String authorsNote, String pinnedMemory,
                       List<ChatTurn> recent, String action) {

    /** The chat messages before the narration: system, the recent beats, the action. */
    List<ChatTurn> messages(TextScrubber scrubber) {
        List<ChatTurn> messages = new ArrayList<>();
        messages.add(new ChatTurn(ChatTurn.SYSTEM, scrubber.scrub(system())));
        for (ChatTurn turn : recent) {
            ChatTurn scrubbed = new ChatTurn(turn.role(), scrubber.scrub(turn.content()));
            ChatTurn previous = messages.getLast();
            if (previous.role().equals(scrubbed.role())) {
                // Party play: several actions in a row read as one user message.
                messages.set(messages.size() - 1, new ChatTurn(previous.role(), previous.content() + "\n" + scrubbed.content()));
            } else {
                messages.add(scrubbed);
            }
        }
        ChatTurn last = messages.getLast();
        String actionText = scrubber.scrub(action == null ? "" : action);
        if (last.role().equals(ChatTurn.USER)) {
            messages.set(messages.size() - 1, new ChatTurn(ChatTurn.USER, last.content() + "\n" + actionText));
        } else {
            messages.add(new ChatTurn(ChatTurn.USER, actionText));
        }
        return messages;
    }

    private String system() {
        StringBuilder text = new StringBuilder();
        if (settings != null) {
            text.append("You are the narrator of ").append(settings.name()).append(": ").append(settings.premise()).append('\n');
            text.append("Genre: ").append(settings.genre()).append(". Tone: ").append(settings.tone())
                    .append(". Content rating: ").append(settings.contentRating()).append('.');
            if (settings.narrativeStyle() != null && !settings.narrativeStyle().isBlank()) {
                text.append(" Style: ").append(settings.narrativeStyle()).append('.');
            }
        } else {
            text.append("You are the narrator of an interactive story.");
        }
        if (!lore.isEmpty()) {
            text.append("\nLore:");
            lore.forEach(entry -> text.append("\n- ").append(entry.title()).append(": ").append(entry.content()));
        }
        if (authorsNote != null && !authorsNote.isBlank()) {
            text.append("\nAuthor's note: ").append(authorsNote);
        }
        if (pinnedMemory != null && !pinnedMemory.isBlank()) {
            text.append("\nRemember: ").append(pinnedMemory);
        }
        return text.toString();
    }
}
