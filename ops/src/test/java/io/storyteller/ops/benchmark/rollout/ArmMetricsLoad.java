package io.storyteller.ops.benchmark.rollout;

import io.storyteller.command.slot.ArmChoice;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * (b) The events of one rollout's narration calls, as the narration engine records them, with
 * realistic spreads, spread evenly over {@code span} before {@code end}: a shadow phase first (each
 * request served by stable and mirrored to the candidate: two rows), then a canary step at
 * {@code canaryWeight}% sticky per story ({@link ArmChoice}). Latency is log-normal, tokens normal,
 * ~2% of calls fail (2.5% of the candidate's), and {@link BeatRated} follows ~10% of served beats.
 * Published as plain (non-domain) event messages through the EventBus, in batches: the
 * "narration-metrics" projection reads only payloads, identifiers and timestamps.
 */
final class ArmMetricsLoad {

    static final String STABLE_MODEL = "openai:gpt-4o-mini";
    static final String STABLE_VERSION = "gpt-4o-mini-2024-07-18";
    static final String CANDIDATE_MODEL = "anthropic:claude-sonnet-4-5";
    static final String CANDIDATE_VERSION = "claude-sonnet-4-5-20250929";

    record Published(long rows, long events, long ratings, double seconds, Instant first, Instant last,
                     long[] rowsPerArm) {
    }

    private final EventBus events;
    private final String worldId;
    private final String deploymentId;
    private final String rolloutId;
    private final int canaryWeight;
    private final List<EventMessage<?>> ratings = new ArrayList<>();

    ArmMetricsLoad(EventBus events, String worldId, String deploymentId, String rolloutId, int canaryWeight) {
        this.events = events;
        this.worldId = worldId;
        this.deploymentId = deploymentId;
        this.rolloutId = rolloutId;
        this.canaryWeight = canaryWeight;
    }

    /** Publishes the calls (rows); the ratings are kept for {@link #publishRatings}. */
    Published publishCalls(int rows, double shadowShare, Instant end, Duration span, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long stepNanos = span.toNanos() / rows;
        Instant first = end.minus(span);
        int shadowRows = (int) (rows * shadowShare);
        long[] perArm = new long[NarrationArm.values().length];
        List<EventMessage<?>> batch = new ArrayList<>(batchSize + 1);
        long published = 0;
        long start = System.nanoTime();
        int row = 0;
        int request = 0;
        Instant last = first;
        while (row < rows) {
            request++;
            String storyId = "bench-story-" + random.nextInt(5_000);
            String requestId = "req-" + request;
            String actionBeatId = "beat-a-" + request;
            Instant at = first.plusNanos(stepNanos * row);
            boolean shadowPhase = row < shadowRows;
            NarrationArm arm = shadowPhase ? NarrationArm.STABLE
                    : ArmChoice.servesCandidate(storyId, rolloutId, canaryWeight) ? NarrationArm.CANARY : NarrationArm.STABLE;
            int step = shadowPhase ? 0 : 1;
            batch.add(served(random, storyId, requestId, actionBeatId, "beat-n-" + request, arm, step, at));
            perArm[arm.ordinal()]++;
            row++;
            last = at;
            if (shadowPhase && row < rows) {
                batch.add(mirrored(random, storyId, requestId, actionBeatId, at.plusMillis(5)));
                perArm[NarrationArm.SHADOW.ordinal()]++;
                row++;
            }
            if (batch.size() >= batchSize) {
                events.publish(batch);
                published += batch.size();
                batch = new ArrayList<>(batchSize + 1);
            }
        }
        if (!batch.isEmpty()) {
            events.publish(batch);
            published += batch.size();
        }
        return new Published(rows, published, ratings.size(), (System.nanoTime() - start) / 1e9, first, last, perArm);
    }

    /** Publishes the ratings collected while the calls were published; returns how many. */
    int publishRatings(int batchSize) {
        for (int i = 0; i < ratings.size(); i += batchSize) {
            events.publish(ratings.subList(i, Math.min(ratings.size(), i + batchSize)));
        }
        return ratings.size();
    }

    private EventMessage<?> served(SplittableRandom random, String storyId, String requestId, String actionBeatId,
                                   String beatId, NarrationArm arm, int step, Instant at) {
        boolean candidate = arm == NarrationArm.CANARY;
        String model = candidate ? CANDIDATE_MODEL : STABLE_MODEL;
        if (random.nextDouble() < (candidate ? 0.025 : 0.02)) {
            return message(new NarrationFailed(storyId, requestId, actionBeatId, "provider timed out", model,
                    new NarrationRoute(deploymentId, arm, rolloutId, step)), at);
        }
        NarrationProvenance provenance = provenance(random, candidate, candidate ? 780 : 850).routed(deploymentId, arm,
                rolloutId, step);
        if (random.nextDouble() < 0.10) {
            int rating = Math.clamp(Math.round(3.8 + random.nextDouble(-2.2, 1.6)), 1, 5);
            ratings.add(message(new BeatRated(storyId, beatId, rating, "player-" + random.nextInt(2_000)),
                    at.plusSeconds(30)));
        }
        return message(new NarrationRecorded(storyId, worldId, requestId, actionBeatId, beatId, 0,
                "The tide draws back from the lantern rocks.", provenance), at);
    }

    private EventMessage<?> mirrored(SplittableRandom random, String storyId, String requestId, String actionBeatId,
                                     Instant at) {
        NarrationProvenance provenance = provenance(random, true, 800).routed(deploymentId, NarrationArm.SHADOW,
                rolloutId, 0);
        String failure = random.nextDouble() < 0.03 ? "provider returned 529" : null;
        return message(new ShadowNarrationRecorded(storyId, worldId, requestId, actionBeatId,
                failure == null ? "A gull cries over the harbour." : null, failure, provenance), at);
    }

    private static NarrationProvenance provenance(SplittableRandom random, boolean candidate, double medianMillis) {
        long latency = Math.round(medianMillis * Math.exp(0.45 * gaussian(random)));
        int prompt = (int) Math.clamp(Math.round(1_400 + 300 * gaussian(random)), 200, 2_048);
        int completion = (int) Math.clamp(Math.round(95 + 25 * gaussian(random)), 10, 120);
        return new NarrationProvenance(candidate ? CANDIDATE_MODEL : STABLE_MODEL,
                candidate ? CANDIDATE_VERSION : STABLE_VERSION, "sha256:bench", List.of("lore-1", "lore-2"),
                latency, prompt, completion);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian of its own in every JDK
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static <T> EventMessage<T> message(T payload, Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(), at);
    }
}
