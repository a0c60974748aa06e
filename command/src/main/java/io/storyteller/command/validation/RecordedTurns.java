package io.storyteller.command.validation;

import io.storyteller.command.narration.context.ActionToAnswer;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.RecordedContexts;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.domain.story.RecordedPlayerAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds recorded turns for replay: each action's story and world as they were when the player
 * acted ({@link RecordedContexts}), assembled into the narrator's prompt by the live assembler, and
 * the judge's ground for that turn. An action whose story or world cannot be read back is skipped.
 */
final class RecordedTurns {

    private final RecordedContexts contexts;
    private final ContextAssembler assembler;

    RecordedTurns(RecordedContexts contexts, ContextAssembler assembler) {
        this.contexts = contexts;
        this.assembler = assembler;
    }

    List<ReplayTurn> of(List<RecordedPlayerAction> actions) {
        List<ReplayTurn> turns = new ArrayList<>();
        for (RecordedPlayerAction action : actions) {
            Optional<StoryContext> context = contexts.before(action.worldId(), action.storyId(), action.actionBeatId());
            context.ifPresent(story -> turns.add(turn(action, story)));
        }
        return turns;
    }

    private ReplayTurn turn(RecordedPlayerAction action, StoryContext context) {
        AssembledPrompt prompt = assembler.assemble(context,
                new ActionToAnswer(action.actionBeatId(), null, null, action.text()));
        TurnGround ground = TurnGround.of(action.worldId(), action.storyId(), context, action.text(),
                prompt.loreEntryIds(), null);
        return new ReplayTurn(ground, prompt.prompt());
    }
}
