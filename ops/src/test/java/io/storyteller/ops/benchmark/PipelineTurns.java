package io.storyteller.ops.benchmark;

import io.storyteller.command.narration.PlayerInputGuard;
import io.storyteller.command.narration.Recall;
import io.storyteller.command.narration.context.ActionToAnswer;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.context.Recalled;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.pipeline.ContextEmbedding;
import io.storyteller.command.narration.pipeline.Decision;
import io.storyteller.command.narration.pipeline.Draft;
import io.storyteller.command.narration.pipeline.Judgement;
import io.storyteller.command.narration.pipeline.Selection;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.SubmitPlayerAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;

/**
 * One turn of the narration pipeline without the model, step by step as the narration engine takes
 * it, each step timed: the player-input guard (the command interceptor itself), the action stored
 * (not timed), the context fold, recall from search with the route lookup beside it, the prompt
 * assembled, then the judge and {@link Selection} on one candidate and, separately, on three. The
 * chosen candidate is recorded as the story's narration (not timed), so the story, its facts and
 * its search index grow as in play. Candidates are {@link PipelineTexts}: what a model would have written.
 */
final class PipelineTurns {

    /**
     * Per turn, nanoseconds; only the guard's when it refused the action (and the turn went no
     * further). {@code store} is the action's command (the guard again, the story, the commit), which
     * is not the pipeline's and not in the total: the recall the guard starts after the commit runs
     * while the command returns and the context is folded.
     */
    record Parts(long guard, long store, long fold, long recall, long assemble, Judged one, Judged three) {

        boolean refused() {
            return one == null;
        }

        long total(Judged judged) {
            return guard + fold + recall + assemble + judged.judge() + judged.select();
        }
    }

    /**
     * The judge's time and its stages' own times (continuity, coherence, detector, guardrail, each summed
     * over the candidates; they run side by side, so they overlap), and the selection's.
     */
    record Judged(long judge, long[] stages, long select, Decision decision) {
    }

    private final CommandGateway commands;
    private final PlayerInputGuard inputGuard;
    private final NarrationContexts contexts;
    private final Routes routes;
    private final Recall recall;
    private final QueryGateway queries;
    private final ContextAssembler assembler;
    private final TimedChecks checks;
    private final int loreEntries;
    private final List<String> candidatesSeen = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    PipelineTurns(CommandGateway commands, PlayerInputGuard inputGuard, NarrationContexts contexts, Routes routes,
            Recall recall, QueryGateway queries, ContextAssembler assembler, TimedChecks checks, int loreEntries) {
        this.commands = commands;
        this.inputGuard = inputGuard;
        this.contexts = contexts;
        this.routes = routes;
        this.recall = recall;
        this.queries = queries;
        this.assembler = assembler;
        this.checks = checks;
        this.loreEntries = loreEntries;
    }

    /** The actions the player-input guard refused, with its reason. */
    List<String> refusals() {
        return refusals;
    }

    /** Every candidate text judged so far. */
    List<String> candidatesSeen() {
        return candidatesSeen;
    }

    Parts turn(String storyId, int story, int turn, Consumer<String> awaitProjections) throws Exception {
        String actionText = PipelineTexts.action(story, turn, loreEntries);
        String actionBeatId = UUID.randomUUID().toString();
        SubmitPlayerAction submit = new SubmitPlayerAction(storyId, actionBeatId, actionText, PipelineWorld.PLAYER);

        // The guard alone, timed, in a unit of work rolled back: its after-commit work (the recall it
        // starts) must come from the real command below, after the action is stored, as in play.
        long t0 = System.nanoTime();
        DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(submit));
        Exception refused = null;
        try {
            inputGuard.handle((DefaultUnitOfWork) unit, () -> null);
        } catch (Exception e) {
            refused = e;
        } finally {
            unit.rollback();
        }
        long guard = System.nanoTime() - t0;
        if (refused != null) {
            if (!(refused instanceof DomainRejection)) {
                throw new IllegalStateException("the player-input guard failed", refused);
            }
            refusals.add(actionText + " (" + refused.getMessage() + ")");
            return new Parts(guard, 0, 0, 0, 0, null, null); // refused: as in play, the story does not take the action
        }

        long stored = System.nanoTime();
        commands.sendAndWait(submit);

        long t1 = System.nanoTime();
        StoryContext context = contexts.contextFor(PipelineWorld.WORLD_ID, storyId).orElseThrow();
        long t2 = System.nanoTime();
        CompletableFuture<Recalled> recalled = recall.start(PipelineWorld.WORLD_ID, storyId, actionText,
                context.firstBeat());
        ContextEmbedding embedding = ContextEmbedding.startAfter(recalled, queries, PipelineWorld.WORLD_ID,
                TurnGround.storyLines(context), actionText);
        routes.ensemble(PipelineWorld.WORLD_ID, context.policy().deployments());
        // Not Recall.await, which goes on without search: a figure measured on a search that answered nothing would flatter it.
        Recalled found = recalled.get(30, TimeUnit.SECONDS);
        long t3 = System.nanoTime();
        AssembledPrompt prompt = assembler.assemble(context,
                new ActionToAnswer(actionBeatId, null, PipelineWorld.PLAYER.userId(), actionText), found);
        long t4 = System.nanoTime();

        embedding.await(Duration.ofSeconds(30)); // it runs while the model writes: outside the overhead, as in play
        TurnGround ground = TurnGround.of(PipelineWorld.WORLD_ID, storyId, context, actionText, prompt.loreEntryIds(),
                embedding);
        checks.take();
        Judged one = judge(ground, context, PipelineTexts.candidates(story, turn, 0, 1, loreEntries));
        // a ground of its own, as a turn has: what the judge reads once per turn is read again here
        TurnGround again = TurnGround.of(PipelineWorld.WORLD_ID, storyId, context, actionText, prompt.loreEntryIds(),
                embedding);
        Judged three = judge(again, context, PipelineTexts.candidates(story, turn, 1, 3, loreEntries));

        String text = three.decision() instanceof Decision.Chosen chosen ? chosen.winner().draft().text()
                : PipelineTexts.candidates(story, turn, 1, 1, loreEntries).getFirst();
        commands.sendAndWait(new RecordNarration(storyId, actionBeatId, UUID.randomUUID().toString(), text,
                new NarrationProvenance("bench-scripted", "1", prompt.digest(), prompt.loreEntryIds(), 0,
                        prompt.estimatedTokens(), text.length() / 4)));
        awaitProjections.accept(storyId);
        return new Parts(guard, t1 - stored, t2 - t1, t3 - t2, t4 - t3, one, three);
    }

    private Judged judge(TurnGround ground, StoryContext context, List<String> texts) {
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            drafts.add(new Draft(i, 1, texts.get(i)));
        }
        candidatesSeen.addAll(texts);
        long t0 = System.nanoTime();
        List<Judgement> judged = checks.judge.judge(ground, drafts);
        long t1 = System.nanoTime();
        long[] stages = checks.take();
        Decision decision = Selection.decide(judged, context.policy(), ground.rating(), 1);
        long t2 = System.nanoTime();
        return new Judged(t1 - t0, stages, t2 - t1, decision);
    }
}
