package io.storyteller.command.narration;

import io.storyteller.command.narration.budget.BudgetRuling;
import io.storyteller.command.narration.budget.TurnBudgets;
import io.storyteller.command.narration.context.AssembledPrompt;
import io.storyteller.command.narration.context.ContextAssembler;
import io.storyteller.command.narration.context.Recalled;
import io.storyteller.command.narration.context.NarrationContexts;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.command.narration.failure.FailureReason;
import io.storyteller.command.narration.context.Turn;
import io.storyteller.command.narration.pipeline.CandidateJudge;
import io.storyteller.command.narration.pipeline.ContextEmbedding;
import io.storyteller.command.narration.pipeline.HarmGuard;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.command.narration.routing.Routes;
import io.storyteller.command.runtime.ConfiguredRuntime;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.RejectionKind;
import io.storyteller.domain.shared.Violation;
import io.storyteller.domain.budget.BudgetDecision;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.ContextSource;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordNarration;
import io.storyteller.domain.story.RecordNarrationFailure;
import io.storyteller.domain.story.RecordShadowNarration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.stereotype.Component;

/**
 * Answers every player action and retry request with a narration, recorded as a command.
 * <p>
 * The model call runs inside the handler, so the event counts as handled only once its outcome is
 * recorded: if the app dies mid-generation, the event is handled again after the restart. A
 * redelivered event whose narration was already recorded meets a request that is no longer
 * pending; that rejection is expected and ignored. Replays would re-narrate old stories: disallowed.
 * <p>
 * The story's context comes from the World's and the Story's own event streams
 * ({@link NarrationContexts}), which already hold every event committed before the action: a
 * world created, given lore and played at once is narrated with that lore, without waiting.
 * <p>
 * What narrates is the world's narrator deployment when there is one ({@link Routes}, one
 * query per narration): its stable model, or the rollout's candidate for the stories
 * {@link ArmChoice} assigns to it, and in a shadow phase a mirrored call to the candidate
 * ({@link ShadowNarrations}). Every outcome records that route. Without a deployment the
 * configured narrator ({@link ConfiguredRuntime}) answers and the route is null. When every narrator
 * of a turn is down (its provider unreachable, failing or paused by its circuit breaker), the turn
 * fails over ({@link FailingOver}) to the deployment's other arm, then to the world's house narrator.
 */
@Component
@ProcessingGroup(NarrationEngine.PROCESSING_GROUP)
@DisallowReplay
public class NarrationEngine {

    /** The engine's processor: one per node, each narrating the stories of the segments it claimed. */
    public static final String PROCESSING_GROUP = "narration";

    private static final Logger log = LoggerFactory.getLogger(NarrationEngine.class);

    private final NarrationContexts contexts;
    private final ContextAssembler assembler;
    private final Routes routes;
    private final ConfiguredRuntime configured;
    private final ModelRuntimes runtimes;
    private final Narrator narrator;
    private final ShadowNarrations shadows;
    private final FailingOver turns;
    private final Recall recall;
    private final QueryGateway queries;
    private final NarrationProgress progress;
    private final CommandGateway commands;
    private final TurnBudgets budgets;

    public NarrationEngine(NarrationContexts contexts, ContextAssembler assembler, Routes routes, Recall recall,
            ConfiguredRuntime configured, ModelRuntimes runtimes, Narrator narrator, CandidateJudge judge,
            HarmGuard guard, QueryGateway queries, NarrationProgress progress, CommandGateway commands,
            TurnBudgets budgets, Failover failover) {
        this.contexts = contexts;
        this.assembler = assembler;
        this.routes = routes;
        this.configured = configured;
        this.runtimes = runtimes;
        this.narrator = narrator;
        this.shadows = new ShadowNarrations(narrator, runtimes, judge);
        this.turns = new FailingOver(new Turns(new Ensemble(narrator), judge, guard), failover, this::source);
        this.recall = recall;
        this.queries = queries;
        this.progress = progress;
        this.commands = commands;
        this.budgets = budgets;
    }

    @EventHandler
    void on(PlayerActionSubmitted event) {
        narrate(NarrationRequest.of(event));
    }

    @EventHandler
    void on(NarrationRetryRequested event) {
        narrate(NarrationRequest.of(event));
    }

    private void narrate(NarrationRequest request) {
        StoryContext context;
        List<NarratorRoute> deployments;
        List<RouteChoice> choices;
        CompletableFuture<Recalled> recalling;
        ContextEmbedding embedding;
        try {
            context = contexts.contextFor(request.worldId(), request.storyId()).orElseThrow(() ->
                    new CannotNarrateException("world " + request.worldId() + " is not known to the narrator"));
            recalling = recall.start(request.worldId(), request.storyId(), actionText(request, context),
                    context.firstBeat());
            embedding = ContextEmbedding.startAfter(recalling, queries, request.worldId(), TurnGround.storyLines(context),
                    actionText(request, context));
            deployments = routes.ensemble(request.worldId(), context.policy().deployments());
            choices = deployments.stream().map(deployment -> RouteChoice.of(deployment, request.storyId())).toList();
        } catch (CannotNarrateException failure) {
            record(fail(request, failure, "", null));
            return;
        }
        BudgetRuling budget = budgets.rule(request.worldId(), request.storyId(), context.policy().deployments(), choices);
        if (budget.refused()) {
            recalling.cancel(true);
            log.warn("Narration {} of story {} refused: {}", request.requestId(), request.storyId(), budget.refusal());
            record(RecordNarrationFailure.refusedBy(budget.decision(), request.storyId(), request.requestId(),
                    budget.refusal(), "", choices.isEmpty() ? null : choices.getFirst().route()));
            return;
        }
        choices = budget.choices();
        Recalled recalled = recall.await(recalling);
        AssembledPrompt prompt = assembler.assemble(context, request.action(), recalled);
        TurnGround ground = TurnGround.of(request.worldId(), request.storyId(), context, actionText(request, context),
                prompt.loreEntryIds(), embedding);
        // past a spend limit no mirrored call is paid for
        RouteChoice mirrored = budget.limited() ? null
                : choices.stream().filter(choice -> choice.shadow() != null).findFirst().orElse(null);
        CompletableFuture<RecordShadowNarration> shadow = mirrored != null
                ? shadows.start(request, prompt, mirrored, ground, context.policy().detectorThreshold()) : null;
        try {
            // past a spend limit a failover goes only to the house narrator, which costs nothing
            boolean pending = record(narrateTurn(request, context, prompt, ground, choices,
                    budget.limited() ? List.of() : deployments, budget.decision()));
            if (shadow != null && pending) {
                shadows.await(shadow).map(mirror -> budgets.charge(request.worldId(), mirror)).ifPresent(this::recordShadow);
            }
        } finally {
            if (shadow != null) {
                shadow.cancel(true); // a no-op once it is done
            }
        }
    }

    /**
     * The command recording the turn: the winning candidate with every candidate's verdicts, or a
     * failure with a reason safe to show. Without a deployment the configured narrator answers;
     * with deployments, each candidate the version its deployment chose for the story.
     */
    private Object narrateTurn(NarrationRequest request, StoryContext context, AssembledPrompt prompt,
            TurnGround ground, List<RouteChoice> choices, List<NarratorRoute> deployments, BudgetDecision budget) {
        List<NarratorSource> sources = choices.isEmpty() ? List.of(configuredSource(request.worldId()))
                : choices.stream().map(this::source).toList();
        TurnResult turn;
        try {
            turn = turns.run(ground, context.policy(), sources, prompt.prompt(), deployments);
        } catch (RuntimeException e) {
            if (FailureReason.isInterruption(e)) {
                throw e; // shutting down: leave the event unhandled so that it is narrated after the restart
            }
            return fail(request, e, sources.getFirst().modelName(), sources.getFirst().route());
        }
        List<CandidateReport> reports = budgets.charge(request.worldId(), turn.reports());
        if (!turn.narrated()) {
            log.warn("Narration {} of story {} refused: {}", request.requestId(), request.storyId(), turn.refusal());
            return new RecordNarrationFailure(request.storyId(), request.requestId(), turn.refusal(),
                    sources.getFirst().modelName(), sources.getFirst().route(), reports);
        }
        Candidate winner = turn.winner();
        stream(request, turn.text());
        NarrationProvenance provenance = winner.source().route() == null
                ? NarrationRecords.provenance(winner.generated(), winner.source().modelName(), prompt, turn.text())
                : NarrationRecords.routedProvenance(winner.generated(), winner.source().served(), prompt, turn.text(), winner.source().route());
        List<ContextSource> sourcesUsed = new ArrayList<>(prompt.sources());
        sourcesUsed.addAll(turn.factsUsed());
        return new RecordNarration(request.storyId(), request.requestId(), narrationBeatId(request), turn.text(),
                provenance.judged(reports, turn.selection(), sourcesUsed).budgeted(budget));
    }

    private NarratorSource configuredSource(String worldId) {
        try {
            ChatModel model = configured.forWorld(worldId);
            return NarratorSource.available(model, null, ModelNames.configured(model, ""), null);
        } catch (RuntimeException e) {
            return new NarratorSource(null, null, "", null, e);
        }
    }

    private NarratorSource source(RouteChoice choice) {
        try {
            return NarratorSource.available(runtimes.chatModelFor(choice.serving()), choice.serving(),
                    choice.serving().label(), choice.route());
        } catch (RuntimeException e) {
            return NarratorSource.unavailable(choice.serving(), choice.route(), e);
        }
    }

    /** The action being answered: the request's, or for a retry the story's last action. */
    private static String actionText(NarrationRequest request, StoryContext context) {
        if (request.actionText() != null) {
            return request.actionText();
        }
        return context.recentBeats().reversed().stream().filter(turn -> turn.kind() == BeatKind.PLAYER_ACTION)
                .map(Turn::text).findFirst().orElse("");
    }

    /**
     * Shows the checked winner to the story's watchers before it is recorded, in one update, from a
     * worker thread: on the handler's thread Axon would hold the update back until the narration is
     * recorded. The whole text is known and checked by now, so splitting it would only multiply the
     * messages every watcher is sent (a story with thousands of watchers sends each update to each).
     */
    private void stream(NarrationRequest request, String text) {
        try {
            CompletableFuture.runAsync(() -> progress.chunk(request.storyId(), request.requestId(), text)).join();
        } catch (RuntimeException e) {
            log.debug("Could not stream narration {}: {}", request.requestId(), e.toString());
        }
    }

    private RecordNarrationFailure fail(NarrationRequest request, RuntimeException failure, String model,
            NarrationRoute route) {
        String reason = FailureReason.of(failure, narrator.timeout());
        log.warn("Narration {} of story {} failed: {}", request.requestId(), request.storyId(), reason);
        log.debug("Narration failure detail", failure);
        return new RecordNarrationFailure(request.storyId(), request.requestId(), reason, model, route);
    }

    /** A retry adds to the retried beat; otherwise a new beat, named by the request so that redelivery names it alike. */
    private static String narrationBeatId(NarrationRequest request) {
        if (request.retriedBeatId() != null) {
            return request.retriedBeatId();
        }
        return RecordNarration.beatIdFor(request.storyId(), request.requestId());
    }

    /** @return false when the request was no longer pending (a redelivered event), true when recorded */
    private boolean record(Object command) {
        try {
            commands.sendAndWait(command, narrator.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (CommandExecutionException e) {
            if (!noLongerPending(e)) {
                throw e;
            }
            log.debug("Narration outcome for a request that is no longer pending ignored: {}", e.getMessage());
            return false;
        }
    }

    /** A shadow answer is evidence for the rollout, not part of the story: losing one must not fail the narration. */
    private void recordShadow(RecordShadowNarration command) {
        try {
            record(command);
        } catch (RuntimeException e) {
            log.warn("Shadow narration {} of story {} not recorded: {}", command.requestId(), command.storyId(), e.toString());
        }
    }

    private static boolean noLongerPending(CommandExecutionException e) {
        Violation violation = e instanceof DomainRejection rejection ? rejection.violation()
                : e.getDetails().orElse(null) instanceof Violation details ? details : null;
        return violation != null && violation.kind() == RejectionKind.CONFLICT && "pending".equals(violation.rule());
    }
}
