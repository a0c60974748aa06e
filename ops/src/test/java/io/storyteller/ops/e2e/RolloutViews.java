package io.storyteller.ops.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's models, deployments, rollouts, analyses and audits as the rollout tests read them. */
public final class RolloutViews {

    private RolloutViews() {
    }

    /** One version of one model. */
    public record Ref(String modelId, String version) {

        public static Ref house(String worldId, String version) {
            return new Ref("house:" + worldId, version);
        }

        Map<String, Object> input() {
            return Map.of("modelId", modelId, "version", version);
        }
    }

    public record StoryState(String id, int beatCount, boolean narrationPending) {
    }

    public record Provenance(String model, String modelVersion, long latencyMillis, String deploymentId, String arm,
                             String rolloutId, Integer rolloutStep) {
    }

    public record Beat(String id, String kind, int position, String text, Provenance provenance) {

        public boolean isNarration() {
            return "NARRATION".equals(kind);
        }
    }

    record BeatEdge(Beat node) {
    }

    public record Artifact(String uri, String sha256, long sizeBytes) {
    }

    public record Version(String version, Artifact artifact) {
    }

    public record Model(String id, String source, String status, List<Version> versions) {

        public boolean hasVersion(String version) {
            return versions.stream().anyMatch(v -> v.version().equals(version));
        }
    }

    public record Rollout(String rolloutId, Ref candidate, String phase, int step, int lastStep, List<Integer> plan,
                          int weight, boolean paused, String reason, Instant startedAt) {
    }

    public record Traffic(int stableWeight, int canaryWeight, boolean shadowMirrored, Ref candidate) {
    }

    public record Deployment(String id, String useCase, String worldId, Ref stable, Rollout rollout, Traffic traffic) {

        /** The rollout in progress if it is this one. */
        public boolean runs(String rolloutId) {
            return rollout != null && rollout.rolloutId().equals(rolloutId);
        }
    }

    public record Arm(long samples, double errorRate, long latencyP95Millis, double guardrailBlockRate,
                      double detectorScore, Double rating, BigDecimal costPerBeat) {
    }

    public record ArmReport(Arm stable, Arm candidate, Arm shadow) {
    }

    public record GateResult(String gate, double threshold, Double baseline, double limit, Double observed,
                             boolean passed) {
    }

    public record Analysis(String deploymentId, String rolloutId, int step, String phase, Arm stable, Arm candidate,
                           List<GateResult> results, String verdict, String rationale, String analyzedBy,
                           Instant analyzedAt) {
    }

    public record Decision(String kind, Instant decidedAt, Ref model, String rolloutId, Integer step, String verdict,
                           String rationale, String decidedBy) {
    }

    public record AuditedNarration(int alternativeIndex, String requestId, Instant recordedAt, Ref model,
                                   String deploymentId, String arm, String rolloutId, Integer rolloutStep,
                                   List<Decision> decisions) {
    }

    public record Audit(String storyId, String worldId, String beatId, int selectedAlternative,
                        List<AuditedNarration> alternatives) {
    }
}
