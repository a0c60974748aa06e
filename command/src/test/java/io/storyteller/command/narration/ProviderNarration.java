package io.storyteller.command.narration;

import static org.assertj.core.api.Assertions.fail;

import io.storyteller.command.narration.context.ActionToAnswer;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.context.Turn;
import io.storyteller.command.narration.failure.FailureReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.ai.chat.model.ChatModel;

/** One narration through a real provider client, as the engine runs it: assembled prompt, streaming, timeout. */
record ProviderNarration(GeneratedNarration generated, List<String> chunks) {

    static final NarrationProperties PROPERTIES = new NarrationProperties(Duration.ofSeconds(10), 2048, 4, 40,
            0.7, null, 200, 1000);

    static ProviderNarration narrate(ChatModel model) {
        List<String> chunks = new CopyOnWriteArrayList<>();
        GeneratedNarration generated = new Narrator(PROPERTIES).narrate(model, prompt().prompt(), chunks::add);
        return new ProviderNarration(generated, List.copyOf(chunks));
    }

    /** The reason the engine would record for this model's failure. */
    static String failureReason(ChatModel model) {
        try {
            narrate(model);
        } catch (RuntimeException e) {
            return FailureReason.of(e, PROPERTIES.timeout());
        }
        return fail("the narration should have failed");
    }

    static AssembledPrompt prompt() {
        List<Turn> beats = List.of(StoryFixtures.action("a-1", "alice", "I knock on the door"),
                StoryFixtures.narration("n-1", "Nobody answers."));
        StoryContext context = new StoryContext(StoryFixtures.world(), List.of(StoryFixtures.lore("l-door",
                "The door", "The door is enchanted.", 0, false, "door")), null, null, List.of("alice"), beats);
        return new ContextAssembler(PROPERTIES.promptSettings()).assemble(context,
                new ActionToAnswer("a-2", null, "alice", "I push the door"));
    }
}
