package io.storyteller.query.deployment;

import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.query.model.ModelPlatform.GLOBAL_SLOT;
import static io.storyteller.query.model.ModelPlatform.MIA;
import static io.storyteller.query.model.ModelPlatform.OLGA;
import static io.storyteller.query.model.ModelPlatform.PIA;
import static io.storyteller.query.model.ModelPlatform.ROOT;
import static io.storyteller.query.model.ModelPlatform.SYSTEM;
import static io.storyteller.query.model.ModelPlatform.WORLD_SLOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.deployment.FindRolloutAnalyses;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.deployment.WatchDeployments;
import io.storyteller.domain.shared.Actor;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.model.ModelPlatform;
import java.util.stream.Stream;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The slots' queries over {@link ModelPlatform}. */
class DeploymentQueriesTest {

    static ReadModelDatabase db;
    static DeploymentQueries deployments;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        ModelPlatform.load(db.jdbc(), SimpleQueryUpdateEmitter.builder().build());
        deployments = new DeploymentQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    static Stream<Arguments> readers() {
        return Stream.of(Arguments.of(ROOT, true), Arguments.of(SYSTEM, true), Arguments.of(MIA, true),
                Arguments.of(OLGA, false), Arguments.of(PIA, false), Arguments.of(null, false));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void onlyThoseWhoManageDeploymentsSeeThem(Actor viewer, boolean sees) {
        assertThat(deployments.handle(new FindDeployments(null, viewer))).hasSize(sees ? 2 : 0);
        assertThat(deployments.handle(new FindDeployments("w1", viewer))).hasSize(sees ? 1 : 0);
        assertThat(deployments.handle(new WatchDeployments(viewer))).hasSize(sees ? 2 : 0);
        assertThat(deployments.handle(new FindRolloutAnalyses(WORLD_SLOT, "r1", viewer))).hasSize(sees ? 2 : 0);
    }

    @Test
    void slotsShowTheirStableModelAndTheRolloutInProgress() {
        assertThat(deployments.handle(new FindDeployments(null, MIA))).extracting(DeploymentView::deploymentId)
                .containsExactly(GLOBAL_SLOT, WORLD_SLOT);
        DeploymentView global = deployments.handle(new FindDeployments(null, MIA)).getFirst();
        assertThat(global.worldId()).isNull();
        assertThat(global.stable()).isEqualTo(GPT_V1);
        assertThat(global.rollout()).isNull();

        DeploymentView world = deployments.handle(new FindDeployments("w1", MIA)).getFirst();
        assertThat(world.stable()).isEqualTo(HOUSE_V1);
        assertThat(world.rollout().candidate()).isEqualTo(HOUSE_V2);
        assertThat(world.rollout().phase()).isEqualTo(RolloutPhase.CANARY);
        assertThat(world.rollout().step()).isEqualTo(1);
        assertThat(world.rollout().weight()).isEqualTo(5);
        assertThat(world.rollout().strategy()).isEqualTo(ModelManagementEvents.STRATEGY);
        assertThat(deployments.handle(new FindDeployments("w2", MIA))).isEmpty();
    }

    @Test
    void analysesComeOldestFirstWithTheirEvidence() {
        var analyses = deployments.handle(new FindRolloutAnalyses(WORLD_SLOT, "r1", MIA));
        assertThat(analyses).extracting(RolloutAnalysisView::rationale).first().asString().startsWith("inconclusive");
        assertThat(analyses.get(1).rationale()).endsWith(" again");
        assertThat(analyses.getFirst().verdict()).isEqualTo(Verdict.HOLD);
        assertThat(analyses.getFirst().stable()).isEqualTo(ModelManagementEvents.metrics(10, 0.0, 3.5));
        assertThat(analyses.getFirst().candidate().rating()).isNull();
        assertThat(analyses.getFirst().analyzedBy()).isEqualTo("system");
        assertThat(deployments.handle(new FindRolloutAnalyses(WORLD_SLOT, null, MIA))).hasSize(2);
        assertThat(deployments.handle(new FindRolloutAnalyses(WORLD_SLOT, "r0", MIA))).isEmpty();
        assertThat(deployments.handle(new FindRolloutAnalyses(GLOBAL_SLOT, "r1", MIA))).isEmpty();
    }
}
