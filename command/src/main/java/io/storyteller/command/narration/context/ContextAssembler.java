package io.storyteller.command.narration.context;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Builds the narrator's prompt from a story's context, within a token budget: the system message
 * (world, content rules, lore within its share, pinned memory, author's note), then as many recent
 * beats as still fit, newest first, as alternating user (actions) and assistant (narrations)
 * messages, ending with the action to answer. The same context travels in structured form as the
 * system message's {@link io.storyteller.command.brief.NarrationBrief}. Pure: no I/O, same input, same prompt.
 */
public class ContextAssembler {

    /** The part of the budget lore may take, so that lore never crowds out the story itself. */
    static final double LORE_SHARE = 0.35;

    /** The part of the budget recalled older beats may take. */
    static final double MEMORY_SHARE = 0.15;

    private final PromptSettings settings;

    public ContextAssembler(PromptSettings settings) {
        this.settings = settings;
    }

    public AssembledPrompt assemble(StoryContext context, ActionToAnswer answering) {
        return assemble(context, answering, Recalled.NOTHING);
    }

    /** With what search recalled: lore after the activated entries, older beats within their own share. */
    public AssembledPrompt assemble(StoryContext context, ActionToAnswer answering, Recalled recalled) {
        Timeline timeline = Timeline.of(context.recentBeats(), answering);
        boolean party = partyPlay(context.participants(), timeline);
        int budget = settings.contextTokens();
        LoreSelection lore = LoreSelector.select(context.lorebook(),
                timeline.scanTexts(settings.loreScanBeats()), (int) (budget * LORE_SHARE), recalled.lore());
        List<Recalled.Memory> memories = memories(recalled.memories(), context.recentBeats(), (int) (budget * MEMORY_SHARE));
        String system = SystemPrompt.render(context.world(), lore, memories, context.pinnedMemory(),
                context.authorsNote(), party);

        int spent = TokenEstimate.ofMessage(system);
        Message action = timeline.action() == null ? null : message(timeline.action(), party);
        if (action != null) {
            spent += TokenEstimate.ofMessage(action.getText()); // the action always goes in
        }
        Deque<Message> recent = new ArrayDeque<>();
        List<Turn> history = timeline.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            Message beat = message(history.get(i), party);
            int cost = TokenEstimate.ofMessage(beat.getText());
            if (spent + cost > budget) {
                break; // older beats would leave a gap in the story
            }
            spent += cost;
            recent.addFirst(beat);
        }

        List<Message> messages = new ArrayList<>();
        messages.add(NarrationBriefs.of(context.world(), lore, timeline, party, context.factEvents()).attachTo(new SystemMessage(system)));
        messages.addAll(recent);
        if (action != null) {
            messages.add(action);
        }
        return AssembledPrompt.of(new Prompt(messages, options()), lore, memories, spent);
    }

    /** The recalled beats that are not in the recent window, best first, while they fit their share. */
    private static List<Recalled.Memory> memories(List<Recalled.Memory> recalled, List<Turn> recent, int budget) {
        Set<String> inWindow = new HashSet<>();
        recent.forEach(turn -> inWindow.add(turn.beatId()));
        List<Recalled.Memory> kept = new ArrayList<>();
        int spent = 0;
        for (Recalled.Memory memory : recalled) {
            int cost = TokenEstimate.of("- " + memory.text());
            if (inWindow.contains(memory.beatId()) || spent + cost > budget) {
                continue;
            }
            spent += cost;
            kept.add(memory);
        }
        return List.copyOf(kept);
    }

    private ChatOptions options() {
        return ChatOptions.builder()
                .temperature(settings.temperature())
                .topP(settings.topP())
                .maxTokens(settings.maxTokens())
                .build();
    }

    private static Message message(Turn turn, boolean party) {
        if (!turn.isAction()) {
            return new AssistantMessage(turn.text());
        }
        boolean attributed = party && turn.playerId() != null && !turn.playerId().isBlank();
        return new UserMessage(attributed ? turn.playerId() + ": " + turn.text() : turn.text());
    }

    /** Party play when the story has several participants, or several players acted in what we see. */
    private static boolean partyPlay(List<String> participants, Timeline timeline) {
        if (participants.size() > 1) {
            return true;
        }
        List<Turn> turns = new ArrayList<>(timeline.history());
        if (timeline.action() != null) {
            turns.add(timeline.action());
        }
        return turns.stream().filter(Turn::isAction).map(Turn::playerId).filter(Objects::nonNull).distinct().count() > 1;
    }
}
