package io.storyteller.command.narration.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverRoutesTest {

    static final ModelRef STABLE = new ModelRef("openai:gpt-test", "1");
    static final ModelRef CANDIDATE = new ModelRef("anthropic:claude-test", "2");

    @Test
    void aCanaryThatIsDownGivesWayToTheStableModelOfItsRollout() {
        NarratorRoute deployment = new NarratorRoute("d-1", STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 50, 2));

        RouteChoice other = FailoverRoutes.otherArm(deployment, new NarrationRoute("d-1", NarrationArm.CANARY, "r-1", 2)).orElseThrow();

        assertThat(other.serving()).isEqualTo(STABLE);
        assertThat(other.route()).isEqualTo(new NarrationRoute("d-1", NarrationArm.STABLE, "r-1", 2));
        assertThat(other.shadow()).isNull();
    }

    @Test
    void aStableModelThatIsDownGivesWayToTheCandidateWhileItServesTheCanary() {
        NarratorRoute deployment = new NarratorRoute("d-1", STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 10, 1));

        RouteChoice other = FailoverRoutes.otherArm(deployment, new NarrationRoute("d-1", NarrationArm.STABLE, "r-1", 1)).orElseThrow();

        assertThat(other.serving()).isEqualTo(CANDIDATE);
        assertThat(other.route()).isEqualTo(new NarrationRoute("d-1", NarrationArm.CANARY, "r-1", 1));
    }

    @Test
    void aShadowCandidateNeverServesAPlayerInPlaceOfTheStableModel() {
        NarratorRoute deployment = new NarratorRoute("d-1", STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.SHADOW, 0));

        assertThat(FailoverRoutes.otherArm(deployment, new NarrationRoute("d-1", NarrationArm.STABLE, "r-1", 0))).isEmpty();
    }

    @Test
    void aDeploymentWithoutARolloutHasNoOtherArm() {
        NarratorRoute deployment = new NarratorRoute("d-1", STABLE, null);

        assertThat(FailoverRoutes.otherArm(deployment, new NarrationRoute("d-1", NarrationArm.STABLE, null, null))).isEmpty();
    }

    @Test
    void eachFailedRouteOfAnEnsembleGetsItsOwnDeploymentsOtherArmOnce() {
        NarratorRoute first = new NarratorRoute("d-1", STABLE, new RolloutRoute("r-1", CANDIDATE, RolloutPhase.CANARY, 50, 1));
        NarratorRoute second = new NarratorRoute("d-2", CANDIDATE, null);
        NarrationRoute canaryOfFirst = new NarrationRoute("d-1", NarrationArm.CANARY, "r-1", 1);

        List<RouteChoice> arms = FailoverRoutes.otherArms(List.of(first, second),
                List.of(canaryOfFirst, new NarrationRoute("d-2", NarrationArm.STABLE, null, null), canaryOfFirst));

        assertThat(arms).singleElement().satisfies(arm -> {
            assertThat(arm.serving()).isEqualTo(STABLE);
            assertThat(arm.route().deploymentId()).isEqualTo("d-1");
        });
    }
}
