package io.storyteller.command.brief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What the narrator is told, in structured form: the same context the rendered prompt holds, for a
 * narrator that plans a beat instead of reading text (the house narrator). It travels beside the
 * text as metadata of the prompt's system message, which chat providers do not send, so the other
 * providers and the prompt's digest are untouched.
 *
 * @param worldName   the world's name
 * @param genre       the world's genre
 * @param tone        the world's tone
 * @param playerId    who acted; null when unknown
 * @param action      the action to answer, as the player wrote it; null when the story no longer holds it
 * @param partyPlay   whether several players share the story (then actions name their player)
 * @param lore        the lore given to the narrator, most relevant first
 * @param recentBeats the story's last beats before the action, oldest first
 * @param facts       what holds in the story now (continuity), most relevant first
 */
public record NarrationBrief(String worldName, String genre, String tone, String playerId, String action,
        boolean partyPlay, List<BriefLore> lore, List<BriefBeat> recentBeats, List<BriefFact> facts) {

    /** The system message's metadata key the brief travels under. */
    public static final String METADATA_KEY = "storyteller.narrationBrief";

    public NarrationBrief {
        lore = lore == null ? List.of() : List.copyOf(lore);
        recentBeats = recentBeats == null ? List.of() : List.copyOf(recentBeats);
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public NarrationBrief withFacts(List<BriefFact> facts) {
        return new NarrationBrief(worldName, genre, tone, playerId, action, partyPlay, lore, recentBeats, facts);
    }

    /** The narrations among the recent beats, oldest first: what a new beat must not repeat. */
    public List<String> recentNarrations() {
        return recentBeats.stream().filter(b -> !b.action()).map(BriefBeat::text).toList();
    }

    /** The system message with this brief attached; its text is unchanged. */
    public SystemMessage attachTo(SystemMessage system) {
        Map<String, Object> metadata = new HashMap<>(system.getMetadata());
        metadata.put(METADATA_KEY, this);
        return SystemMessage.builder().text(system.getText()).metadata(metadata).build();
    }

    /** The prompt with this brief attached to its first system message (one is added when it has none). */
    public Prompt attachTo(Prompt prompt) {
        List<Message> messages = new ArrayList<>(prompt.getInstructions());
        int at = firstSystem(messages);
        if (at < 0) {
            messages.addFirst(attachTo(new SystemMessage("")));
        } else {
            messages.set(at, attachTo((SystemMessage) messages.get(at)));
        }
        return new Prompt(messages, prompt.getOptions());
    }

    /** The brief a prompt carries, if it carries one. */
    public static Optional<NarrationBrief> carriedBy(Prompt prompt) {
        for (Message message : prompt.getInstructions()) {
            if (message.getMetadata().get(METADATA_KEY) instanceof NarrationBrief brief) {
                return Optional.of(brief);
            }
        }
        return Optional.empty();
    }

    private static int firstSystem(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i) instanceof SystemMessage) {
                return i;
            }
        }
        return -1;
    }
}
