package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.storyteller.domain.deployment.RolloutPromoted;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.ops.e2e.RolloutViews.Analysis;
import io.storyteller.ops.e2e.RolloutViews.ArmReport;
import io.storyteller.ops.e2e.RolloutViews.Audit;
import io.storyteller.ops.e2e.RolloutViews.AuditedNarration;
import io.storyteller.ops.e2e.RolloutViews.Beat;
import io.storyteller.ops.e2e.RolloutViews.Decision;
import io.storyteller.ops.e2e.RolloutViews.Deployment;
import io.storyteller.ops.e2e.RolloutViews.GateResult;
import io.storyteller.ops.e2e.RolloutViews.Provenance;
import io.storyteller.ops.e2e.RolloutViews.Ref;
import io.storyteller.ops.e2e.RolloutViews.Traffic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A world's house model version 2 rolled out over version 1 through the real GraphQL API, driven
 * by the real narrations of players who keep playing, and watched live by the model manager: the
 * candidate shadows, steps through the canary and is promoted by the rollout saga's analyses on
 * persisted deadlines; every narration's provenance and audit tell which arm, version, step and
 * decision produced it.
 */
class RolloutEndToEndTest extends RolloutScenario {

    @Test
    void aCandidateShadowsThenStepsThroughTheCanaryOnRealNarrationsAndIsPromoted() {
        String worldId = cast.worlds.withTwoHouseModels("Promote harbour " + cast.tag);
        Ref v1 = Ref.house(worldId, "1");
        Ref v2 = Ref.house(worldId, "2");
        String deploymentId = cast.manager.createDeployment(worldId, v1);
        assertThat(deploymentId).isEqualTo("narrator:world:" + worldId);
        List<String> stories = cast.startStories(worldId, 10);
        cast.awaitSlot(worldId, d -> d.stable().equals(v1));

        String rolloutId;
        Instant startedAt;
        List<String> playing = new ArrayList<>(stories);
        try (var watch = RolloutDeploymentWatch.watch(cast.api.subscriber(cast.managerId, PlatformRole.MODEL_MANAGER),
                deploymentId)) {
            rolloutId = cast.manager.startRollout(deploymentId, v2, RolloutClient.strategy(Map.of("mirroredRequests", 3),
                    List.of(50, 100), "PT2S", 2, RolloutFixture.LENIENT_GATES), "version 2 learnt the salt archive");
            playing.addAll(cast.storiesOnBothArms(worldId, stories, rolloutId, 50, 2));
            try (var players = RolloutPlayers.start(cast.player, playing, 100, RolloutFixture.ROLLOUT_PATIENCE)) {
                String id = rolloutId;
                cast.explained(() -> watch.await("the candidate promoted to stable",
                        d -> d.rollout() == null && d.stable().equals(v2), RolloutFixture.ROLLOUT_PATIENCE),
                        deploymentId, id, players);
            }
            String id = rolloutId;
            List<Deployment> during = watch.views().stream().filter(d -> d.runs(id)).toList();
            assertStreamedThroughShadowAndCanarySteps(during, v2);
            startedAt = during.getFirst().rollout().startedAt();
        }

        Deployment after = cast.manager.deployment(worldId);
        assertThat(after.stable()).isEqualTo(v2);
        assertThat(after.rollout()).isNull();
        assertThat(after.traffic()).isEqualTo(new Traffic(100, 0, false, null));
        assertThat(cast.lastRolloutEnd(deploymentId)).isInstanceOf(RolloutPromoted.class);
        assertAnalysedAdvancedAndPromoted(cast.manager.analyses(deploymentId, rolloutId), deploymentId);

        // Per-arm metrics over the whole rollout: the mirrored shadow answers are counted apart.
        ArmReport metrics = cast.manager.armMetrics(deploymentId, rolloutId, startedAt);
        assertThat(metrics.shadow().samples()).as("mirrored calls in the shadow phase").isGreaterThanOrEqualTo(3);
        assertThat(metrics.shadow().errorRate()).isZero();
        assertThat(metrics.candidate().samples()).as("canary calls at steps 1 and 2").isGreaterThanOrEqualTo(4);
        assertThat(metrics.stable().samples()).as("stable calls at steps 0 and 1").isGreaterThanOrEqualTo(4);

        Map<String, List<Beat>> routed = narrationsOf(playing, rolloutId);
        assertProvenance(routed, deploymentId, worldId);

        // After the promotion the new stable answers alone, outside any rollout.
        String storyId = stories.getFirst();
        RolloutPlayers.playRound(cast.player, List.of(storyId), "I close the archive door.", RolloutWorlds.PATIENCE);
        Provenance promoted = cast.player.beats(storyId).getLast().provenance();
        assertThat(promoted.deploymentId()).isEqualTo(deploymentId);
        assertThat(promoted.arm()).isEqualTo("STABLE");
        assertThat(promoted.modelVersion()).isEqualTo("2");
        assertThat(promoted.rolloutId()).isNull();

        assertAuditOfACanaryBeat(routed, deploymentId, worldId, rolloutId, v2);
        assertAuditOfAShadowPhaseBeat(routed, v1);
    }

    /** The slot as the subscription streamed it: shadow, then canary at 50, then at 100, in that order. */
    private static void assertStreamedThroughShadowAndCanarySteps(List<Deployment> during, Ref candidate) {
        assertThat(during).as("the slot while the rollout ran")
                .anySatisfy(d -> {
                    assertThat(d.rollout().phase()).isEqualTo("SHADOW");
                    assertThat(d.rollout().step()).isZero();
                    assertThat(d.rollout().plan()).containsExactly(0, 50, 100);
                    assertThat(d.rollout().lastStep()).isEqualTo(2);
                    assertThat(d.rollout().candidate()).isEqualTo(candidate);
                    assertThat(d.traffic()).isEqualTo(new Traffic(100, 0, true, candidate));
                })
                .anySatisfy(d -> {
                    assertThat(d.rollout().phase()).isEqualTo("CANARY");
                    assertThat(d.rollout().step()).isEqualTo(1);
                    assertThat(d.traffic()).isEqualTo(new Traffic(50, 50, false, candidate));
                })
                .anySatisfy(d -> {
                    assertThat(d.rollout().step()).isEqualTo(2);
                    assertThat(d.traffic()).isEqualTo(new Traffic(0, 100, false, candidate));
                });
        assertThat(during).extracting(d -> d.rollout().step()).as("steps in arrival order").isSorted();
    }

    /** Evidence, gate results and verdicts: shadow → 50 → 100 → promoted, holding while samples were short. */
    private static void assertAnalysedAdvancedAndPromoted(List<Analysis> analyses, String deploymentId) {
        assertThat(analyses).extracting(Analysis::step).isSorted();
        assertThat(analyses).filteredOn(a -> a.verdict().equals("ADVANCE")).extracting(Analysis::step, Analysis::phase)
                .containsExactly(tuple(0, "SHADOW"), tuple(1, "CANARY"));
        Analysis last = analyses.getLast();
        assertThat(last.verdict()).isEqualTo("PROMOTE");
        assertThat(last.step()).isEqualTo(2);
        assertThat(last.rationale()).contains("every gate passed", "promoting");
        assertThat(analyses).allSatisfy(a -> {
            assertThat(a.deploymentId()).isEqualTo(deploymentId);
            assertThat(a.analyzedBy()).isEqualTo("system");
            if (a.verdict().equals("HOLD")) {
                assertThat(a.results()).isEmpty();
                assertThat(a.rationale()).startsWith("inconclusive");
            } else {
                assertThat(a.results()).extracting(GateResult::gate).containsExactly("ERROR_RATE", "LATENCY_P95");
                assertThat(a.results()).allSatisfy(r -> assertThat(r.passed()).isTrue());
                assertThat(a.stable().samples()).isGreaterThanOrEqualTo(2);
                assertThat(a.candidate().samples()).isGreaterThanOrEqualTo(a.phase().equals("SHADOW") ? 3 : 2);
            }
        });
    }

    /** Each story's narrations routed within the rollout, in story order. */
    private Map<String, List<Beat>> narrationsOf(List<String> stories, String rolloutId) {
        Map<String, List<Beat>> routed = new LinkedHashMap<>();
        for (String storyId : stories) {
            routed.put(storyId, cast.player.beats(storyId).stream()
                    .filter(beat -> beat.isNarration() && rolloutId.equals(beat.provenance().rolloutId())).toList());
        }
        return routed;
    }

    /** Every narration of the rollout names the deployment, its arm, the version that answered and the step. */
    private static void assertProvenance(Map<String, List<Beat>> routed, String deploymentId, String worldId) {
        List<Provenance> all = routed.values().stream().flatMap(List::stream).map(Beat::provenance).toList();
        assertThat(all).allSatisfy(p -> {
            assertThat(p.deploymentId()).isEqualTo(deploymentId);
            assertThat(p.model()).isEqualTo("house:" + worldId);
            assertThat(p.arm()).isIn("STABLE", "CANARY");
            assertThat(p.modelVersion()).isEqualTo(p.arm().equals("CANARY") ? "2" : "1");
            assertThat(p.rolloutStep()).isNotNull().isBetween(0, 2);
            if (p.rolloutStep() == 0) {
                assertThat(p.arm()).as("the shadow phase shows only the stable model's narrations").isEqualTo("STABLE");
            }
            if (p.rolloutStep() == 2) {
                assertThat(p.arm()).as("at weight 100 the candidate answers all").isEqualTo("CANARY");
            }
        });
        assertThat(all).extracting(Provenance::arm, Provenance::rolloutStep)
                .contains(tuple("STABLE", 0), tuple("STABLE", 1), tuple("CANARY", 1), tuple("CANARY", 2));
        routed.forEach((storyId, beats) -> {
            List<Provenance> story = beats.stream().map(Beat::provenance).toList();
            assertThat(story).extracting(Provenance::rolloutStep).as("story %s", storyId).isSorted();
            assertThat(story.stream().filter(p -> p.rolloutStep() == 1).map(Provenance::arm).distinct())
                    .as("story %s sticks to one arm within a step", storyId).hasSizeLessThanOrEqualTo(1);
        });
    }

    /** (d) The audit of a canary beat: deployment, arm, version, step, and the decisions that led to it. */
    private void assertAuditOfACanaryBeat(Map<String, List<Beat>> routed, String deploymentId, String worldId,
            String rolloutId, Ref candidate) {
        Map.Entry<String, Beat> canary = firstBeat(routed, p -> p.arm().equals("CANARY") && p.rolloutStep() == 1);
        Audit audit = cast.manager.audit(canary.getKey(), canary.getValue().id());
        assertThat(audit.worldId()).isEqualTo(worldId);
        assertThat(audit.alternatives()).hasSize(1);
        AuditedNarration audited = audit.alternatives().getFirst();
        assertThat(audited.deploymentId()).isEqualTo(deploymentId);
        assertThat(audited.arm()).isEqualTo("CANARY");
        assertThat(audited.model()).isEqualTo(candidate);
        assertThat(audited.rolloutId()).isEqualTo(rolloutId);
        assertThat(audited.rolloutStep()).isEqualTo(1);
        assertThat(audited.decisions()).extracting(Decision::kind).containsSubsequence("ROLLOUT_STARTED", "ROLLOUT_ADVANCED");
        assertThat(audited.decisions()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("ROLLOUT_STARTED");
            assertThat(d.model()).isEqualTo(candidate);
            assertThat(d.rolloutId()).isEqualTo(rolloutId);
            assertThat(d.decidedBy()).isEqualTo(cast.managerId);
        });
        assertThat(audited.decisions()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("ROLLOUT_ADVANCED");
            assertThat(d.step()).isEqualTo(1);
            assertThat(d.rationale()).isEqualTo("advanced to weight 50");
            assertThat(d.decidedBy()).isEqualTo("system");
        });
        Decision analysis = audited.decisions().stream().filter(d -> d.kind().equals("ROLLOUT_ANALYZED")).findFirst()
                .orElseThrow(() -> new AssertionError("no analysis among " + audited.decisions()));
        assertThat(analysis.rolloutId()).isEqualTo(rolloutId);
        assertThat(analysis.decidedAt()).isBeforeOrEqualTo(audited.recordedAt());
        if (analysis.step() == 0) {
            assertThat(analysis.verdict()).as("the analysis that advanced the rollout to the beat's step").isEqualTo("ADVANCE");
            assertThat(analysis.rationale()).contains("advancing to step 1 (weight 50)");
        } else {
            // routed at step 1 a moment before a later analysis of step 1 (which held, or advanced past it)
            assertThat(analysis.step()).isEqualTo(1);
            assertThat(analysis.verdict()).isIn("HOLD", "ADVANCE");
        }
    }

    /** A stable beat of the shadow phase: what put the stable model there, and the rollout it ran in. */
    private void assertAuditOfAShadowPhaseBeat(Map<String, List<Beat>> routed, Ref stable) {
        Map.Entry<String, Beat> beat = firstBeat(routed, p -> p.rolloutStep() == 0);
        AuditedNarration audited = cast.manager.audit(beat.getKey(), beat.getValue().id()).alternatives().getFirst();
        assertThat(audited.arm()).isEqualTo("STABLE");
        assertThat(audited.model()).isEqualTo(stable);
        assertThat(audited.rolloutStep()).isZero();
        assertThat(audited.decisions()).extracting(Decision::kind).startsWith("DEPLOYMENT_CREATED", "ROLLOUT_STARTED");
        assertThat(audited.decisions().getFirst().model()).isEqualTo(stable);
    }

    private static Map.Entry<String, Beat> firstBeat(Map<String, List<Beat>> routed, Predicate<Provenance> which) {
        return routed.entrySet().stream()
                .flatMap(story -> story.getValue().stream().map(beat -> Map.entry(story.getKey(), beat)))
                .filter(entry -> which.test(entry.getValue().provenance()))
                .findFirst().orElseThrow(() -> new AssertionError("no such narration in the rollout"));
    }
}
