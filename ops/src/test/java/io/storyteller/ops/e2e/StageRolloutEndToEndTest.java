package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.training.ClassifierPublisher;
import io.storyteller.command.housemodel.classifier.training.ClassifierRegistration;
import io.storyteller.command.housemodel.classifier.training.HouseClassifierTraining;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.ArmReport;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A detector version rolled out like a narrator's: a world's detector slot serves the house
 * classifier version 1; a second version, trained and registered as the house training does, is
 * rolled out shadow-first while players play with the house narrator. In the shadow phase it scores
 * the same candidates beside version 1, then judges the stories the canary gives it, and the rollout
 * saga's analyses over both arms' detector calls promote it.
 */
class StageRolloutEndToEndTest extends RolloutScenario {

    private static final String DETECTOR = "house-classifier:" + ClassifierPublisher.DETECTOR;

    @Autowired
    ClassifierStore store;
    @Autowired
    ClassifierRegistration registration;
    @Autowired
    HouseClassifierTraining training;

    @Test
    void aDetectorCandidateShadowsThenServesTheCanaryOnRealNarrationsAndIsPromoted() {
        assertThat(training.awaitFirstPass(Duration.ofSeconds(60))).as("the house detector's first version").isTrue();
        ClassifierMetadata trained = new ClassifierPublisher(store, registration, TrainingOptions.defaults())
                .publishDetector(List.of(), new CorpusRange(-1, -1));
        Ref v1 = new Ref(DETECTOR, "1");
        Ref candidate = new Ref(DETECTOR, String.valueOf(trained.version()));
        assertThat(trained.version()).isGreaterThan(1);

        String worldId = cast.worlds.withHouseNarrator("Detector harbour " + cast.tag);
        String deploymentId = cast.manager.createDeployment("DETECTOR", worldId, v1);
        assertThat(deploymentId).isEqualTo("detector:world:" + worldId);
        List<String> stories = cast.startStories(worldId, 6);
        org.awaitility.Awaitility.await().atMost(RolloutWorlds.PATIENCE)
                .until(() -> cast.manager.deployment(worldId, "DETECTOR") != null);

        String rolloutId;
        Instant startedAt;
        try (var watch = RolloutDeploymentWatch.watch(cast.api.subscriber(cast.managerId, PlatformRole.MODEL_MANAGER),
                deploymentId)) {
            rolloutId = cast.manager.startRollout(deploymentId, candidate, RolloutClient.strategy(
                    Map.of("mirroredRequests", 3), List.of(50, 100), "PT2S", 2, RolloutFixture.LENIENT_GATES),
                    "a detector trained again");
            List<String> playing = new ArrayList<>(stories);
            playing.addAll(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
            try (var players = RolloutPlayers.start(cast.player, playing, 100, RolloutFixture.ROLLOUT_PATIENCE)) {
                String id = rolloutId;
                cast.explained(() -> watch.await("the candidate detector promoted to stable",
                        d -> d.rollout() == null && d.stable().equals(candidate), RolloutFixture.ROLLOUT_PATIENCE),
                        deploymentId, id, players);
            }
            String id = rolloutId;
            List<Deployment> during = watch.views().stream().filter(d -> d.runs(id)).toList();
            assertThat(during).extracting(d -> d.rollout().phase()).contains("SHADOW", "CANARY");
            startedAt = during.getFirst().rollout().startedAt();
        }

        assertThat(cast.manager.deployment(worldId, "DETECTOR").stable()).isEqualTo(candidate);
        assertThat(cast.lastRolloutEnd(deploymentId)).isInstanceOf(RolloutPromoted.class);
        List<Analysis> analyses = cast.manager.analyses(deploymentId, rolloutId);
        assertThat(analyses).filteredOn(a -> !a.verdict().equals("HOLD")).extracting(Analysis::step, Analysis::verdict)
                .containsExactly(tuple(0, "ADVANCE"), tuple(1, "ADVANCE"), tuple(2, "PROMOTE"));
        assertThat(analyses).filteredOn(a -> !a.verdict().equals("HOLD")).allSatisfy(a -> {
            assertThat(a.stable().samples()).as("version 1's detector calls at step " + a.step()).isGreaterThanOrEqualTo(2);
            assertThat(a.candidate().samples()).as("the candidate's detector calls at step " + a.step())
                    .isGreaterThanOrEqualTo(a.phase().equals("SHADOW") ? 3 : 2);
            assertThat(a.candidate().errorRate()).isZero();
        });
        Analysis shadow = analyses.stream().filter(a -> a.verdict().equals("ADVANCE") && a.step() == 0).findFirst()
                .orElseThrow();
        // the same candidates, scored by both versions: each mirrored call has its stable twin
        assertThat(shadow.stable().samples()).isGreaterThanOrEqualTo(shadow.candidate().samples());
        assertThat(shadow.candidate().detectorScore()).isBetween(0.0, 1.0);

        ArmReport metrics = cast.manager.armMetrics(deploymentId, rolloutId, startedAt);
        assertThat(metrics.shadow().samples()).as("mirrored detector calls").isGreaterThanOrEqualTo(3);
        assertThat(metrics.candidate().samples()).as("canary detector calls").isGreaterThanOrEqualTo(4);
        assertThat(metrics.stable().samples()).as("stable detector calls").isGreaterThanOrEqualTo(metrics.shadow().samples());
    }
}
