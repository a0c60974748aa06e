package io.storyteller.command.slot;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where a story's narration goes under a deployment's route. */
class RouteChoiceTest {

    static final String DEPLOYMENT = "narrator:global";
    static final ModelRef STABLE = new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini");
    static final ModelRef CANDIDATE = new ModelRef("anthropic:claude-sonnet-4-5", "claude-sonnet-4-5");

    @Test
    void withoutARolloutTheStableModelServesAlone() {
        RouteChoice decision = RouteChoice.of(new NarratorRoute(DEPLOYMENT, STABLE, null), "s-1");

        assertThat(decision).isEqualTo(new RouteChoice(STABLE,
                new NarrationRoute(DEPLOYMENT, NarrationArm.STABLE, null, null), null, null));
    }

    @ParameterizedTest
    @EnumSource(value = RolloutPhase.class, names = {"PROMOTED", "ROLLED_BACK", "ABORTED"})
    void anEndedRolloutRoutesNothing(RolloutPhase ended) {
        RouteChoice decision = RouteChoice.of(
                new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute("r-1", CANDIDATE, ended, 100)), "s-1");

        assertThat(decision.serving()).isEqualTo(STABLE);
        assertThat(decision.route()).isEqualTo(new NarrationRoute(DEPLOYMENT, NarrationArm.STABLE, null, null));
    }

    @Test
    void theShadowPhaseMirrorsToTheCandidateAtStepZero() {
        RouteChoice decision = RouteChoice.of(
                new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.SHADOW, 0)), "s-1");

        assertThat(decision).isEqualTo(new RouteChoice(STABLE,
                new NarrationRoute(DEPLOYMENT, NarrationArm.STABLE, "r-1", 0),
                CANDIDATE, new NarrationRoute(DEPLOYMENT, NarrationArm.SHADOW, "r-1", 0)));
    }

    @Test
    void aFullCanaryServesEveryStoryFromTheCandidate() {
        RouteChoice decision = RouteChoice.of(
                new NarratorRoute(DEPLOYMENT, STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 100)), "s-9");

        assertThat(decision.serving()).isEqualTo(CANDIDATE);
        assertThat(decision.route().arm()).isEqualTo(NarrationArm.CANARY);
        assertThat(decision.shadow()).isNull();
    }
}
