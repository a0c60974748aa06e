package io.storyteller.query.deployment;

import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.projections.support.ModelManagementEvents.STRATEGY;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoutes;
import io.storyteller.domain.deployment.NarratorRoutes;
import io.storyteller.domain.deployment.RolloutAborted;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutPaused;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.model.UseCase;
import io.storyteller.projections.deployment.DeploymentProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which narrator slot serves a world: its own over the global one, with the rollout's split. */
class NarratorRoutingTest {

    static final String W1 = "narrator:world:w1";
    static final String GLOBAL = "narrator:global";

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    DeploymentProjection projection;
    NarratorRouting routing;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        projection = new DeploymentProjection(db.jdbc(), SimpleQueryUpdateEmitter.builder().build());
        routing = new NarratorRouting(db.jdbc());
    }

    @Test
    void withoutANarratorSlotThereIsNoRoute() {
        log.deployment("reviewer:global", new DeploymentCreated("reviewer:global", UseCase.REVIEWER, null, GPT_V1, "mia"));
        log.deliver(projection);

        assertThat(routing.handle(new FindNarratorRoute("w1"))).isNull();
        assertThat(routing.handle(new FindNarratorRoute(null))).isNull();
    }

    @Test
    void aWorldWithoutItsOwnSlotIsNarratedByTheGlobalOne() {
        log.deployment(GLOBAL, new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, GPT_V1, "mia"));
        log.deployment("narrator:world:w2", new DeploymentCreated("narrator:world:w2", UseCase.NARRATOR, "w2",
                HOUSE_V1, "mia"));
        log.deliver(projection);

        assertThat(routing.handle(new FindNarratorRoute("w1"))).isEqualTo(new NarratorRoute(GLOBAL, GPT_V1, null));
        assertThat(routing.handle(new FindNarratorRoute(null))).isEqualTo(new NarratorRoute(GLOBAL, GPT_V1, null));
    }

    @Test
    void anEnsembleGetsTheNamedDeploymentsInTheOrderNamedWithoutTheMissingOnes() {
        log.deployment(GLOBAL, new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, GPT_V1, "mia"));
        log.deployment(W1, new DeploymentCreated(W1, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"));
        log.deliver(projection);

        assertThat(routing.handle(new FindNarratorRoutes(List.of(W1, "narrator:world:gone", GLOBAL, "reviewer:global"))))
                .isEqualTo(new NarratorRoutes(List.of(new NarratorRoute(W1, HOUSE_V1, null),
                        new NarratorRoute(GLOBAL, GPT_V1, null))));
        assertThat(routing.handle(new FindNarratorRoutes(List.of("narrator:world:gone"))).routes()).isEmpty();
    }

    @Test
    void aWorldsOwnSlotWinsOverTheGlobalOneAndCarriesItsRollout() {
        log.deployment(GLOBAL, new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, GPT_V1, "mia"));
        log.deployment(W1, new DeploymentCreated(W1, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                new RolloutStarted(W1, "r1", HOUSE_V2, HOUSE_V1, STRATEGY, RolloutPhase.SHADOW, 0, 0, "v2", "mia"),
                new RolloutPaused(W1, "r1", "", "mia"));
        log.deliver(projection);

        assertThat(routing.handle(new FindNarratorRoute("w1"))).isEqualTo(new NarratorRoute(W1, HOUSE_V1,
                new RolloutRoute("r1", HOUSE_V2, RolloutPhase.SHADOW, 0)));
        assertThat(routing.handle(new FindNarratorRoute("w2")).deploymentId()).isEqualTo(GLOBAL);

        log.deployment(W1, new RolloutAborted(W1, "r1", HOUSE_V2, "enough", "mia"));
        log.deliver(projection);
        assertThat(routing.handle(new FindNarratorRoute("w1"))).isEqualTo(new NarratorRoute(W1, HOUSE_V1, null));
    }

    @Test
    void aCanaryRouteCarriesTheRolloutStepItsNarrationsAreCountedIn() {
        log.deployment(W1, new DeploymentCreated(W1, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                new RolloutStarted(W1, "r1", HOUSE_V2, HOUSE_V1, STRATEGY, RolloutPhase.SHADOW, 0, 0, "v2", "mia"),
                new RolloutAdvanced(W1, "r1", 1, 5, "system"));
        log.deliver(projection);

        assertThat(routing.handle(new FindNarratorRoute("w1")).rollout())
                .isEqualTo(new RolloutRoute("r1", HOUSE_V2, RolloutPhase.CANARY, 5, 1));
    }

    @Test
    void theRouteIsOnePrimaryKeyLookup() {
        // on a near-empty table the planner prefers a sequential scan: forbid it to see the index is usable
        db.jdbc().sql("SET enable_seqscan = off").update();
        try {
            String plan = String.join("\n", db.jdbc().sql("EXPLAIN " + NarratorRouting.ROUTE)
                    .param("slots", new String[] {W1, GLOBAL}).query(String.class).list());
            assertThat(plan).contains("deployments_pkey");
        } finally {
            db.jdbc().sql("SET enable_seqscan = on").update();
        }
    }
}
