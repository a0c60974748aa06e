package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The model lifecycle's whole loop through the real GraphQL endpoint. Players play stories in a
 * world narrated by its house narrator; an admin flags beats and a player edits one; a fine-tuning
 * of the world's detector exports that history, trains a new house detector version, registers it
 * with its training lineage, validates it against the slot's stable version and rolls it out
 * shadow-first while the players keep playing, until the rollout saga promotes it. A detector
 * trained for one pass at a tiny rate (weights near zero) is rejected at validation, naming the gates
 * it failed: no rollout, the slot unchanged. (A house narrator trained with a tiny vocabulary is no
 * reliably worse candidate: its replayed answers are mostly the action echoed, lore quoted and
 * set closings, which the judge scores as it scores version 1's.)
 */
class FineTuningLoopTest extends RolloutScenario {

    private static final String DETECTOR = "house-classifier:detector";
    private static final Duration LOOP_PATIENCE = Duration.ofSeconds(90);
    /** Items of the shipped detector suite ({@code eval/detector.jsonl}): each is a win, loss or tie. */
    private static final int DETECTOR_SUITE_ITEMS = 228;
    /**
     * The detector's candidate is retrained on the shipped set plus this world's few exported lines,
     * with the same seed, so it scores the suite's items almost exactly as version 1 does: most items
     * tie and a handful move past the tie margin either way. -0.05 asks that it lose at most 5% more
     * items than it wins (and pass every gate): "no worse", which is what such a candidate honestly is;
     * a margin above 0 would demand an improvement that a few dozen extra lines cannot bring.
     */
    private static final double DETECTOR_MARGIN = -0.05;

    @Test
    @SuppressWarnings("unchecked")
    void aDetectorFineTunedOnPlayedStoriesIsValidatedRolledOutShadowFirstAndPromoted() {
        FineTuningClient admin = new FineTuningClient(cast.api.as("ft-admin-" + cast.tag, PlatformRole.PLATFORM_ADMIN));
        Ref incumbent = new Ref(DETECTOR, "1");  // the house detector's default: its first version (nothing pins one here)
        await("the house detector's first version registered").atMost(LOOP_PATIENCE).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> admin.version(DETECTOR, "1") != null);

        String worldId = cast.worlds.withHouseNarrator("Fine-tuned harbour " + cast.tag);
        List<String> stories = played(worldId, admin, 8);
        String deploymentId = cast.manager.createDeployment("DETECTOR", worldId, incumbent);
        await().atMost(RolloutWorlds.PATIENCE).ignoreExceptions().until(() -> cast.manager.deployment(worldId, "DETECTOR") != null);

        Map<String, Object> input = request(worldId, incumbent, "DETECTOR", List.of("DETECTOR", "GUARDRAIL"),
                List.of(Map.of("name", "crossValidationFolds", "value", "3")), DETECTOR_MARGIN);
        input.put("rollout", RolloutClient.strategy(Map.of("mirroredRequests", 3), List.of(50, 100), "PT2S", 2,
                RolloutFixture.LENIENT_GATES));
        Map<String, Object> requested = admin.request(input);
        String id = (String) requested.get("id");
        assertThat(requested).containsEntry("status", "REQUESTED").containsEntry("backend", "house");

        Map<String, Object> ended;
        Deployment promoted;
        // Playing until the promotion is seen (bounded by both waits): the canary needs calls on both arms.
        try (var players = RolloutPlayers.start(cast.player, stories, 100, LOOP_PATIENCE.multipliedBy(2))) {
            ended = admin.awaitEnd(id, LOOP_PATIENCE);
            assertThat(ended.get("status")).as("the fine-tuning as it ended: " + ended).isEqualTo("ROLLOUT_STARTED");
            Ref candidate = ref((Map<String, Object>) ended.get("candidate"));
            String rolloutId = (String) ended.get("rolloutId");
            players.join(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
            promoted = cast.explained(() -> await("the fine-tuned detector promoted").atMost(LOOP_PATIENCE)
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> cast.manager.deployment(worldId, "DETECTOR"),
                            d -> d.rollout() == null && d.stable().equals(candidate)), deploymentId, rolloutId, players);
            assertThat(players.rounds()).as("rounds played meanwhile").isPositive();
        }

        // The steps, in order, each recorded on the FineTuning.
        assertThat(FineTuningClient.events(ended)).containsSubsequence("Requested", "DatasetExported", "TrainingStarted",
                "TrainingCompleted", "ValidationRequested", "Validated", "RolloutStarted");
        Map<String, Object> dataset = (Map<String, Object>) ended.get("dataset");
        assertThat((String) dataset.get("digest")).hasSize(64);
        assertThat((List<Map<String, Object>>) dataset.get("files")).anySatisfy(f -> {
            assertThat((String) f.get("name")).contains("detector").contains("train");
            assertThat(((Number) f.get("records")).longValue()).as("exported detector lines").isPositive();
        });

        // The candidate: the next house detector version, registered with its training lineage.
        Ref candidate = ref((Map<String, Object>) ended.get("candidate"));
        assertThat(candidate.modelId()).isEqualTo(DETECTOR);
        assertThat(Integer.parseInt(candidate.version())).isGreaterThan(1);
        Map<String, Object> registered = admin.version(DETECTOR, candidate.version());
        Map<String, Object> training = (Map<String, Object>) registered.get("training");
        assertThat(training).containsEntry("fineTuningId", id).containsEntry("backend", "house")
                .containsEntry("exportId", dataset.get("exportId")).containsEntry("datasetDigest", dataset.get("digest"));
        assertThat(training.get("base")).isEqualTo(Map.of("modelId", DETECTOR, "version", "1"));
        assertThat((List<Map<String, Object>>) training.get("metrics")).extracting(m -> m.get("name"))
                .contains("examples", "datasetExamples", "features", "seconds");
        assertThat((List<Map<String, Object>>) training.get("hyperParameters"))
                .containsExactly(Map.of("name", "crossValidationFolds", "value", "3"));

        // Validated against what the slot served, on every item of the detector suite, and beating it by the margin.
        Map<String, Object> validation = (Map<String, Object>) ended.get("validation");
        int wins = (int) validation.get("wins");
        int losses = (int) validation.get("losses");
        int ties = (int) validation.get("ties");
        assertThat(validation).containsEntry("incumbent", Map.of("modelId", DETECTOR, "version", "1"))
                .containsEntry("passed", true).containsEntry("promote", true);
        assertThat(wins + losses + ties).isEqualTo(DETECTOR_SUITE_ITEMS);
        assertThat((double) validation.get("score")).isEqualTo((wins - losses) / (double) DETECTOR_SUITE_ITEMS, within())
                .isGreaterThanOrEqualTo(DETECTOR_MARGIN);
        Map<String, Object> recorded = admin.validation(DETECTOR, candidate.version(), (String) validation.get("validationId"));
        assertThat(recorded).containsEntry("suite", "detector-default").containsEntry("passed", true);
        assertThat((List<Map<String, Object>>) recorded.get("gates")).extracting(g -> g.get("metric"))
                .contains("detector.auroc", "detector.falsePositiveRate");
        assertThat((List<Map<String, Object>>) recorded.get("gates")).allSatisfy(g -> {
            assertThat(g.get("passed")).isEqualTo(true);
            assertThat(g.get("incumbent")).isNotNull();
        });

        // Rolled out on the world's detector slot: shadow, canary, promoted by the rollout saga.
        String rolloutId = (String) ended.get("rolloutId");
        assertThat(ended).containsEntry("deploymentId", deploymentId);
        assertThat(promoted.stable()).isEqualTo(candidate);
        List<Analysis> analyses = cast.manager.analyses(deploymentId, rolloutId).stream()
                .filter(a -> !a.verdict().equals("HOLD")).toList();
        assertThat(analyses).extracting(Analysis::phase).containsSubsequence("SHADOW", "CANARY");
        assertThat(analyses).extracting(Analysis::verdict).containsExactly("ADVANCE", "ADVANCE", "PROMOTE");
        assertThat(analyses).allSatisfy(a -> assertThat(a.candidate().samples()).isGreaterThanOrEqualTo(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDetectorBarelyTrainedIsRejectedAtValidationAndNothingIsRolledOut() {
        FineTuningClient admin = new FineTuningClient(cast.api.as("ft-admin-" + cast.tag, PlatformRole.PLATFORM_ADMIN));
        Ref incumbent = new Ref(DETECTOR, "1");
        await("the house detector's first version registered").atMost(LOOP_PATIENCE).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> admin.version(DETECTOR, "1") != null);
        String worldId = cast.worlds.withHouseNarrator("Untrained detector harbour " + cast.tag);
        played(worldId, admin, 4);
        String deploymentId = cast.manager.createDeployment("DETECTOR", worldId, incumbent);
        await().atMost(RolloutWorlds.PATIENCE).ignoreExceptions().until(() -> cast.manager.deployment(worldId, "DETECTOR") != null);

        // One pass at a ten-thousandth of the usual rate: every weight stays near 0, every score near 0.5.
        Map<String, Object> input = request(worldId, incumbent, "DETECTOR", List.of("DETECTOR"), List.of(
                Map.of("name", "epochs", "value", "1"), Map.of("name", "learningRate", "value", "0.00002"),
                Map.of("name", "crossValidationFolds", "value", "0")), 0.0);
        input.put("rollout", RolloutClient.strategy(Map.of("mirroredRequests", 3), List.of(50, 100), "PT2S", 2,
                RolloutFixture.LENIENT_GATES));
        String id = (String) admin.request(input).get("id");
        Map<String, Object> ended = admin.awaitEnd(id, LOOP_PATIENCE);

        assertThat(ended.get("status")).as("the fine-tuning as it ended: " + ended).isEqualTo("REJECTED");
        assertThat(FineTuningClient.events(ended)).containsSubsequence("Requested", "DatasetExported", "TrainingCompleted",
                "Validated", "Rejected").doesNotContain("RolloutStarted");
        Ref candidate = ref((Map<String, Object>) ended.get("candidate"));
        assertThat(candidate.modelId()).isEqualTo(DETECTOR);
        assertThat(Integer.parseInt(candidate.version())).isGreaterThan(1);
        Map<String, Object> validation = (Map<String, Object>) ended.get("validation");
        assertThat(validation).containsEntry("incumbent", Map.of("modelId", DETECTOR, "version", "1"))
                .containsEntry("passed", false).containsEntry("promote", false);
        assertThat((int) validation.get("losses")).as("items scored worse than version 1")
                .isGreaterThan(DETECTOR_SUITE_ITEMS / 2);
        Map<String, Object> recorded = admin.validation(DETECTOR, candidate.version(), (String) validation.get("validationId"));
        List<Map<String, Object>> failed = ((List<Map<String, Object>>) recorded.get("gates")).stream()
                .filter(g -> !(boolean) g.get("passed")).toList();
        assertThat(failed).as("failed gates of " + recorded).isNotEmpty();
        List<String> reasons = (List<String>) ended.get("reasons");
        // Each failed gate is named with the candidate's and the incumbent's value.
        failed.forEach(g -> assertThat(reasons).as("reasons").anyMatch(r -> r.startsWith(g.get("metric") + ": candidate ")
                && r.contains("incumbent ")));
        assertThat(ended.get("rolloutId")).isNull();
        Deployment slot = cast.manager.deployment(worldId, "DETECTOR");
        assertThat(slot.id()).isEqualTo(deploymentId);
        assertThat(slot.stable()).isEqualTo(incumbent);
        assertThat(slot.rollout()).isNull();
    }

    /** Stories played for two rounds; a narration flagged, a false alarm cleared, a narration edited by its player. */
    private List<String> played(String worldId, FineTuningClient admin, int count) {
        List<String> stories = cast.startStories(worldId, count);
        RolloutPlayers.playRound(cast.player, stories, "I light a brine lamp and read the tide clock.", RolloutWorlds.PATIENCE);
        RolloutPlayers.playRound(cast.player, stories, "I ask the harbour master who rang the bell.", RolloutWorlds.PATIENCE);
        List<Beat> first = cast.player.beats(stories.get(0)).stream().filter(Beat::isNarration).toList();
        List<Beat> second = cast.player.beats(stories.get(1)).stream().filter(Beat::isNarration).toList();
        assertThat(first).as("narrations of the first story").hasSizeGreaterThanOrEqualTo(2);
        admin.flagBeat(stories.get(0), first.get(0).id(), List.of("VIOLENCE"), 2);
        admin.flagBeat(stories.get(0), first.get(1).id(), List.of(), 0);
        assertThat(cast.player.errors("""
                mutation($s: ID!, $b: ID!, $t: String!) { editBeat(storyId: $s, beatId: $b, text: $t) { beatId } }""",
                Map.of("s", stories.get(1), "b", second.getFirst().id(), "t",
                        "The harbour master hides the bell rope and says the wind rang it, though no wind blew tonight.")))
                .isEmpty();
        return stories;
    }

    private static Map<String, Object> request(String worldId, Ref base, String useCase, List<String> datasets,
            List<Map<String, String>> hyperParameters, double margin) {
        Map<String, Object> input = new HashMap<>();
        input.put("base", Map.of("modelId", base.modelId(), "version", base.version()));
        input.put("useCase", useCase);
        input.put("backend", "house");
        input.put("dataset", Map.of("worldIds", List.of(worldId), "datasets", datasets, "holdout", 0.25, "seed", 11));
        input.put("hyperParameters", hyperParameters);
        input.put("margin", margin);
        input.put("worldId", worldId);
        return input;
    }

    private static Ref ref(Map<String, Object> value) {
        assertThat(value).as("a model version").isNotNull();
        return new Ref((String) value.get("modelId"), (String) value.get("version"));
    }

    private static Offset<Double> within() {
        return Offset.offset(1e-9);
    }
}
