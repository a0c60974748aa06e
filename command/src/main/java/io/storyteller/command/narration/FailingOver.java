package io.storyteller.command.narration;

import io.storyteller.command.narration.failover.Failover;
import io.storyteller.command.narration.failover.FailoverRoutes;
import io.storyteller.command.narration.pipeline.TurnGround;
import io.storyteller.command.runtime.ModelNames;
import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.world.NarrationPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Runs a turn and, when no candidate answered because every narrator's provider was down, runs it
 * again on the next narrators in the failover order ({@link FailoverRoutes}): the other arm of each
 * failed deployment, then the world's house narrator. The turn that answers keeps the failed
 * candidates' reports before its own, and its selection names the failover. Anything but an outage
 * (a refusal, a guardrail block, a malformed request) ends the turn as it is.
 */
final class FailingOver {

    private static final String HOUSE = "house";

    private final Turns turns;
    private final Failover failover;
    private final Function<RouteChoice, NarratorSource> routed;

    FailingOver(Turns turns, Failover failover, Function<RouteChoice, NarratorSource> routed) {
        this.turns = turns;
        this.failover = failover;
        this.routed = routed;
    }

    TurnResult run(TurnGround ground, NarrationPolicy policy, List<NarratorSource> sources, Prompt prompt,
            List<NarratorRoute> deployments) {
        TurnResult turn = turns.run(ground, policy, sources, prompt);
        if (!failover.enabled() || !turn.providersDown()) {
            return turn;
        }
        List<CandidateReport> reports = new ArrayList<>(turn.reports());
        List<NarratorSource> down = new ArrayList<>(sources);
        for (List<NarratorSource> next : steps(ground.worldId(), sources, deployments)) {
            TurnResult answer = turns.run(ground, policy, next, prompt);
            reports.addAll(reindexed(answer.reports(), reports.size()));
            if (answer.narrated()) {
                String selection = "failover: " + describe(down, turn) + " could not answer; "
                        + subject(answer.winner().source()) + " answered instead. " + answer.selection();
                down.stream().map(FailingOver::subject).distinct().forEach(subject -> failover.note(subject,
                        HealingOutcome.HEALED, turn.refusal() + "; " + subject(answer.winner().source()) + " answered instead"));
                return new TurnResult(answer.winner(), answer.text(), reports, selection, null, answer.factsUsed(), false);
            }
            if (!answer.providersDown()) {
                return new TurnResult(null, null, reports, null, answer.refusal(), List.of(), false);
            }
            down.addAll(next);
        }
        down.stream().map(FailingOver::subject).distinct().forEach(subject -> failover.note(subject, HealingOutcome.FAILED,
                turn.refusal() + "; no other narrator could answer either"));
        return new TurnResult(null, null, reports, null, turn.refusal() + " (failover found no narrator that could answer)",
                List.of(), true);
    }

    /** The narrators to try in turn: the failed deployments' other arms, then the house narrator unless it was the one down. */
    private List<List<NarratorSource>> steps(String worldId, List<NarratorSource> failed, List<NarratorRoute> deployments) {
        List<List<NarratorSource>> steps = new ArrayList<>();
        List<NarrationRoute> routes = failed.stream().map(NarratorSource::route).filter(Objects::nonNull).toList();
        List<RouteChoice> otherArms = FailoverRoutes.otherArms(deployments, routes);
        if (!otherArms.isEmpty()) {
            steps.add(otherArms.stream().map(routed).toList());
        }
        if (failed.stream().noneMatch(FailingOver::isHouse)) {
            steps.add(List.of(house(worldId)));
        }
        return steps;
    }

    private NarratorSource house(String worldId) {
        try {
            ChatModel model = failover.house().forWorld(worldId);
            return NarratorSource.available(model, null, ModelNames.configured(model, HOUSE), null);
        } catch (RuntimeException e) {
            return new NarratorSource(null, null, HOUSE, null, e);
        }
    }

    private static boolean isHouse(NarratorSource source) {
        String name = source.served() != null ? source.served().modelId() : source.modelName();
        return name != null && (name.equals(HOUSE) || name.startsWith(HOUSE + ":"));
    }

    /** Names a narrator by route and model, never by endpoint address. */
    static String subject(NarratorSource source) {
        String model = source.served() != null ? source.served().label() : source.modelName();
        NarrationRoute route = source.route();
        return route == null ? "narrator " + model
                : "narrator deployment " + route.deploymentId() + " " + route.arm() + " arm (" + model + ")";
    }

    private static String describe(List<NarratorSource> down, TurnResult first) {
        Set<String> subjects = new LinkedHashSet<>();
        down.forEach(source -> subjects.add(subject(source)));
        return String.join(", ", subjects) + " (" + first.refusal() + ")";
    }

    /** The reports of a later run, numbered after the ones before it so that every candidate of the turn has its own index. */
    private static List<CandidateReport> reindexed(List<CandidateReport> reports, int offset) {
        return reports.stream().map(r -> new CandidateReport(r.index() + offset, r.round(), r.deploymentId(), r.arm(),
                r.rolloutId(), r.rolloutStep(), r.model(), r.modelVersion(), r.text(), r.failure(), r.latencyMillis(),
                r.promptTokens(), r.completionTokens(), r.scores(), r.outcome(), r.stages())).toList();
    }
}
