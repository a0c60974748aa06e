package io.storyteller.projections.deployment;

import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.projections.support.ModelManagementEvents.STRATEGY;
import static io.storyteller.projections.support.ModelManagementEvents.metrics;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.AutoSwitchPolicy;
import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalysis;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.deployment.RolloutResumed;
import io.storyteller.domain.deployment.RolloutRolledBack;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.deployment.StableModelReplaced;
import io.storyteller.domain.model.UseCase;
import io.storyteller.projections.schema.DeploymentRows;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.math.BigDecimal;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentProjectionTest {

    static final String SLOT = "narrator:world:w1";

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    Object[] handlers;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        handlers = new Object[] {new DeploymentProjection(db.jdbc(), SimpleQueryUpdateEmitter.builder().build()),
                new RolloutDecisionProjection(db.jdbc())};
    }

    @Test
    void aRolloutInProgressShowsItsCandidatePhaseStepAndWeight() {
        log.deployment(SLOT, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                started("r1"),
                new RolloutAdvanced(SLOT, "r1", 1, 5, "system"),
                new RolloutPaused(SLOT, "r1", "looking closer", "mia"));
        log.deliver(handlers);

        DeploymentView view = view();
        assertThat(view.useCase()).isEqualTo(UseCase.NARRATOR);
        assertThat(view.worldId()).isEqualTo("w1");
        assertThat(view.stable()).isEqualTo(HOUSE_V1);
        assertThat(view.createdAt()).isEqualTo(EventLog.timeOf(0));
        assertThat(view.updatedAt()).isEqualTo(EventLog.timeOf(3));
        assertThat(view.rollout()).isEqualTo(new RolloutProgress("r1", HOUSE_V2, STRATEGY, RolloutPhase.CANARY, 1, 5,
                true, "better beats", EventLog.timeOf(1)));
    }

    @Test
    void promotionMakesTheCandidateStableAndEndsTheRollout() {
        log.deployment(SLOT, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                started("r1"),
                new RolloutPaused(SLOT, "r1", "", "mia"),
                new RolloutResumed(SLOT, "r1", "mia"),
                new RolloutPromoted(SLOT, "r1", HOUSE_V2, HOUSE_V1, "by hand", "mia"));
        log.deliver(handlers);

        assertThat(view().stable()).isEqualTo(HOUSE_V2);
        assertThat(view().rollout()).isNull();
        assertThat(db.rows("SELECT kind, step, weight, actor FROM rollout_history ORDER BY event_seq"))
                .extracting(row -> row.get("kind") + "/" + row.get("step") + "/" + row.get("weight") + "/" + row.get("actor"))
                .containsExactly("STARTED/0/0/mia", "PAUSED/null/null/mia", "RESUMED/null/null/mia",
                        "PROMOTED/null/null/mia");
    }

    @Test
    void analysesAndAutoSwitchDecisionsKeepTheirEvidence() {
        var stable = metrics(40, 0.0, 3.5);
        var candidate = metrics(40, 0.25, 3.6);
        RolloutAnalysis analysis = RolloutAnalysis.of(STRATEGY, 1, stable, candidate);
        var policy = new AutoSwitchPolicy(0.2, new BigDecimal("0.001"));
        log.deployment(SLOT, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                new AutoSwitchDecided(SLOT, GPT_V1, HOUSE_V1, true, "switching", candidate, stable, policy, "r9",
                        "system"),
                started("r9"),
                new RolloutAdvanced(SLOT, "r9", 1, 5, "system"),
                new RolloutAnalyzed(SLOT, "r9", 1, RolloutPhase.CANARY, stable, candidate, analysis.results(),
                        analysis.verdict(), analysis.rationale(), "system"),
                new RolloutRolledBack(SLOT, "r9", HOUSE_V2, analysis.rationale(), "system"));
        log.deliver(handlers);

        assertThat(db.row("SELECT verdict, rationale, step, phase FROM rollout_analyses"))
                .containsEntry("verdict", "ROLLBACK").containsEntry("rationale", analysis.rationale())
                .containsEntry("step", 1).containsEntry("phase", "CANARY");
        assertThat(db.row("SELECT switching, rollout_id, candidate_model_id FROM auto_switch_decisions"))
                .containsEntry("switching", true).containsEntry("rollout_id", "r9")
                .containsEntry("candidate_model_id", GPT_V1.modelId());
        assertThat(view().rollout()).isNull();
        assertThat(view().stable()).isEqualTo(HOUSE_V1);
    }

    @Test
    void aLateRedeliveryDoesNotUndoALaterEvent() {
        log.deployment(SLOT, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                new StableModelReplaced(SLOT, HOUSE_V2, HOUSE_V1, "hotfix", "mia"),
                new StableModelReplaced(SLOT, GPT_V1, HOUSE_V2, "paid", "mia"));
        log.deliver(handlers);
        var live = db.snapshot();

        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(view().stable()).isEqualTo(GPT_V1);
    }

    @Test
    void replayingTheLogRebuildsTheSameRows() {
        var stable = metrics(40, 0.0, 3.5);
        RolloutAnalysis analysis = RolloutAnalysis.of(STRATEGY, 0, stable, stable);
        log.deployment(SLOT, new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                started("r1"),
                new RolloutAnalyzed(SLOT, "r1", 0, RolloutPhase.SHADOW, stable, stable, analysis.results(),
                        analysis.verdict(), analysis.rationale(), "system"),
                new RolloutAdvanced(SLOT, "r1", 1, 5, "system"));
        log.deployment("narrator:global", new DeploymentCreated("narrator:global", UseCase.NARRATOR, null, GPT_V1, "mia"));
        log.deliver(handlers);
        var live = db.snapshot();

        log.replay(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        log.redeliverAll(handlers);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(live.get("deployments")).hasSize(2);
        assertThat(live.get("rollout_analyses")).hasSize(1);
        assertThat(live.get("rollout_history")).hasSize(2);
    }

    private static RolloutStarted started(String rolloutId) {
        return new RolloutStarted(SLOT, rolloutId, HOUSE_V2, HOUSE_V1, STRATEGY, RolloutPhase.SHADOW, 0, 0,
                "better beats", "mia");
    }

    private static DeploymentView view() {
        return db.jdbc().sql(DeploymentRows.SELECT + " WHERE d.deployment_id = :id").param("id", SLOT)
                .query(DeploymentRows.VIEW).single();
    }
}
