package io.storyteller.command.narration.failover;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationRoute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a narration goes when its arm's provider is down: to the other arm of the same deployment.
 * A rollout's canary that is down gives way to the stable model; a stable model that is down gives
 * way to the candidate only while it serves players (the canary phase): a shadow candidate has not
 * yet been shown to anyone. The route keeps the rollout's id and step, so the rollout's metrics see
 * which arm answered. Pure.
 */
public final class FailoverRoutes {

    private FailoverRoutes() {
    }

    /** The other arm of the deployment that routed {@code failed}, if it has one that serves players. */
    public static Optional<RouteChoice> otherArm(NarratorRoute deployment, NarrationRoute failed) {
        if (failed == null || !deployment.deploymentId().equals(failed.deploymentId())) {
            return Optional.empty();
        }
        RolloutRoute rollout = deployment.rollout();
        if (failed.arm() == NarrationArm.CANARY && deployment.stable() != null) {
            return Optional.of(new RouteChoice(deployment.stable(), new NarrationRoute(deployment.deploymentId(),
                    NarrationArm.STABLE, failed.rolloutId(), failed.rolloutStep()), null, null));
        }
        boolean candidateServes = rollout != null && rollout.candidate() != null && rollout.phase() == RolloutPhase.CANARY;
        if (failed.arm() == NarrationArm.STABLE && candidateServes) {
            return Optional.of(new RouteChoice(rollout.candidate(), new NarrationRoute(deployment.deploymentId(),
                    NarrationArm.CANARY, rollout.rolloutId(), failed.rolloutId() != null ? failed.rolloutStep() : rollout.step()),
                    null, null));
        }
        return Optional.empty();
    }

    /**
     * The other arms of the routes that failed, one per failed route and in their order, each
     * deployment's routes looked up among {@code deployments}; empty when none has another arm.
     */
    public static List<RouteChoice> otherArms(List<NarratorRoute> deployments, List<NarrationRoute> failed) {
        Set<NarrationRoute> distinct = new LinkedHashSet<>(failed);
        List<RouteChoice> arms = new ArrayList<>();
        for (NarrationRoute route : distinct) {
            deployments.stream().filter(d -> route != null && d.deploymentId().equals(route.deploymentId())).findFirst()
                    .flatMap(deployment -> otherArm(deployment, route))
                    .filter(arm -> arms.stream().noneMatch(a -> a.route().equals(arm.route())))
                    .ifPresent(arms::add);
        }
        return arms;
    }
}
