package io.storyteller.command.slot;

import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationRoute;

/**
 * Where one story's narration goes under its world's narrator deployment: the model version that
 * answers and the route its provenance records, plus, in a shadow phase, the candidate that gets a
 * mirrored call and that call's route. Narrations on either arm during a rollout name the rollout,
 * so that both arms' metrics can be compared. Pure.
 *
 * @param shadow      the candidate mirrored in the shadow phase, else null
 * @param shadowRoute the route of the mirrored call, else null
 */
public record RouteChoice(ModelRef serving, NarrationRoute route, ModelRef shadow, NarrationRoute shadowRoute) {

    public static RouteChoice of(NarratorRoute deployment, String storyId) {
        RolloutRoute rollout = inProgress(deployment.rollout());
        if (rollout == null) {
            return new RouteChoice(deployment.stable(),
                    new NarrationRoute(deployment.deploymentId(), NarrationArm.STABLE, null, null), null, null);
        }
        NarrationArm arm = ArmChoice.armFor(storyId, rollout);
        Integer step = stepOf(rollout);
        NarrationRoute route = new NarrationRoute(deployment.deploymentId(), arm, rollout.rolloutId(), step);
        ModelRef serving = arm == NarrationArm.CANARY ? rollout.candidate() : deployment.stable();
        if (rollout.phase() != RolloutPhase.SHADOW) {
            return new RouteChoice(serving, route, null, null);
        }
        return new RouteChoice(serving, route, rollout.candidate(),
                new NarrationRoute(deployment.deploymentId(), NarrationArm.SHADOW, rollout.rolloutId(), step));
    }

    /**
     * The rollout step, as far as the route tells it: the shadow phase is always step 0 (see
     * {@link io.storyteller.domain.deployment.RolloutStrategy}); a canary step's index is not part
     * of {@link RolloutRoute}, so it is left null until the route carries it.
     */
    static Integer stepOf(RolloutRoute rollout) {
        return rollout.step() != null ? rollout.step() : rollout.phase() == RolloutPhase.SHADOW ? Integer.valueOf(0) : null;
    }

    private static RolloutRoute inProgress(RolloutRoute rollout) {
        boolean live = rollout != null && rollout.candidate() != null
                && (rollout.phase() == RolloutPhase.SHADOW || rollout.phase() == RolloutPhase.CANARY);
        return live ? rollout : null;
    }
}
