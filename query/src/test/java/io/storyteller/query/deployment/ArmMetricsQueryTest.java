package io.storyteller.query.deployment;

import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.routed;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import io.storyteller.projections.model.ModelProjection;
import io.storyteller.projections.rollout.NarrationOutcomeProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-arm metrics of rollout r1 of the w1 narrator slot, against figures computed by hand. Since
 * the window's start, with gpt-4o-mini billed $0.15 / $0.60 per million input / output tokens:
 * <ul>
 *   <li>stable (gpt-4o-mini): 20 beats of 100, 200 … 2000 ms, each 1000 + 200 tokens
 *       ($0.00027), three rated 4, 5 and 3; and 5 failures. Samples 25, error rate 5/25 = 0.2,
 *       p95 of the 20 latencies at rank 0.95 × 19 = 18.05: 1900 + 0.05 × 100 = 1905 ms, rating
 *       4.0, cost $0.00027;</li>
 *   <li>canary (house, free): 10 beats of 10 … 100 ms, unrated. p95 at rank 8.55:
 *       90 + 0.55 × 10 = 95.5, rounded up to 96 ms; rating null, cost 0;</li>
 *   <li>shadow (gpt-4o-mini): 4 calls of 400, 100, 300, 200 ms, two of 2000 + 100 tokens
 *       ($0.00036) and two of 1000 + 200 ($0.00027); 1 failed call. Samples 5, error rate 0.2,
 *       p95 at rank 2.85 of 100..400: 385 ms, cost (2 × 0.00036 + 2 × 0.00027) / 4 = $0.000315.</li>
 * </ul>
 * Before the window: one stable call of 9999 ms; in the window but elsewhere: a call of rollout r0
 * and one of another slot. None of these counts.
 */
class ArmMetricsQueryTest {

    static final String SLOT = "narrator:world:w1";

    static ReadModelDatabase db;
    static ArmMetricsQueries queries;
    static Instant since;
    static int beats;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = new EventLog();
        log.model(GPT, ModelManagementEvents.gptRegistered());
        log.model(HOUSE, ModelManagementEvents.houseRegistered());
        log.story("s1", served(NarrationArm.STABLE, "r1", GPT, 9999, 1000, 200));
        since = EventLog.timeOf(log.size());
        for (int i = 1; i <= 20; i++) {
            log.story("s1", served(NarrationArm.STABLE, "r1", GPT, i * 100L, 1000, 200));
        }
        log.story("s1", new BeatRated("s1", "n2", 4, "pia"), new BeatRated("s1", "n3", 5, "pia"),
                new BeatRated("s1", "n4", 3, "pia"));
        for (int i = 0; i < 5; i++) {
            log.story("s1", new NarrationFailed("s1", "f" + i, "f" + i, "timeout", GPT,
                    new NarrationRoute(SLOT, NarrationArm.STABLE, "r1", 1)));
        }
        for (int i = 1; i <= 10; i++) {
            log.story("s1", served(NarrationArm.CANARY, "r1", HOUSE, i * 10L, 500, 100));
        }
        log.story("s1", shadow(400, 2000, 100, null), shadow(100, 2000, 100, null), shadow(300, 1000, 200, null),
                shadow(200, 1000, 200, null), shadow(30000, 0, 0, "timeout"));
        log.story("s1", served(NarrationArm.STABLE, "r0", GPT, 5000, 1000, 200));
        log.story("s2", new NarrationRecorded("s2", "w2", "x", "x", "x", 0, "text",
                routed(GPT, "v", NarrationArm.STABLE, "narrator:world:w2", "r1", 1, 5000, 1000, 200)));
        log.deliver(new ModelProjection(db.jdbc()), new NarrationOutcomeProjection(db.jdbc()));
        queries = new ArmMetricsQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void eachArmIsMeasuredOverItsCallsSinceTheWindowsStart() {
        ArmMetricsReport report = queries.handle(new FindArmMetrics(SLOT, "r1", since));

        assertMetrics(report.stable(), 25, 0.2, 1905, 4.0, "0.00027");
        assertMetrics(report.candidate(), 10, 0.0, 96, null, "0");
        assertMetrics(report.shadow(), 5, 0.2, 385, null, "0.000315");
        assertThat(report.stable().guardrailBlockRate()).isZero();
        assertThat(report.stable().detectorScore()).isZero();
    }

    @Test
    void withoutAStartEveryCallOfTheRolloutCounts() {
        ArmMetrics stable = queries.handle(new FindArmMetrics(SLOT, "r1", null)).stable();
        assertThat(stable.samples()).isEqualTo(26);
        // p95 of 100..2000 and 9999 at rank 0.95 × 20 = 19: the 20th value, 2000
        assertThat(stable.latencyP95Millis()).isEqualTo(2000);
    }

    @Test
    void anArmWithoutCallsHasZeroSamples() {
        ArmMetricsReport report = queries.handle(new FindArmMetrics(SLOT, "r-none", since));
        assertThat(report.stable()).isEqualTo(new ArmMetrics(0, 0, 0, 0, 0, null, BigDecimal.ZERO));
        assertThat(report.candidate().samples()).isZero();
        assertThat(report.shadow().samples()).isZero();
        assertThat(queries.handle(new FindArmMetrics(SLOT, "r1", Instant.now())).stable().samples()).isZero();
    }

    @Test
    void theMetricsQueryUsesTheRolloutIndex() {
        db.jdbc().sql("SET enable_seqscan = off").update();
        try {
            String plan = String.join("\n", db.jdbc().sql("EXPLAIN " + ArmMetricsQueries.METRICS)
                    .param("deploymentId", SLOT).param("rolloutId", "r1")
                    .param("since", since.atOffset(java.time.ZoneOffset.UTC))
                    .param("step", 1, java.sql.Types.INTEGER)
                    .query(String.class).list());
            assertThat(plan).contains("narration_outcomes_by_rollout");
        } finally {
            db.jdbc().sql("SET enable_seqscan = on").update();
        }
    }

    private static void assertMetrics(ArmMetrics arm, long samples, double errorRate, long p95, Double rating,
                                      String cost) {
        assertThat(arm.samples()).as("samples").isEqualTo(samples);
        assertThat(arm.errorRate()).as("error rate").isEqualTo(errorRate);
        assertThat(arm.latencyP95Millis()).as("p95").isEqualTo(p95);
        assertThat(arm.rating()).as("rating").isEqualTo(rating);
        assertThat(arm.costPerBeat()).as("cost per beat").isEqualByComparingTo(cost);
    }

    @Test
    void narrationsCountInTheStepThatRoutedThem() {
        ArmMetricsReport canaryStep = queries.handle(new FindArmMetrics(SLOT, "r1", since, 1));
        ArmMetricsReport shadowStep = queries.handle(new FindArmMetrics(SLOT, "r1", since, 0));

        assertThat(canaryStep.stable().samples()).isEqualTo(25);
        assertThat(canaryStep.candidate().samples()).isEqualTo(10);
        assertThat(canaryStep.shadow().samples()).isZero();
        assertThat(shadowStep.shadow().samples()).isEqualTo(5);
        assertThat(shadowStep.stable().samples()).isZero();
    }

    private static NarrationRecorded served(NarrationArm arm, String rolloutId, String model, long latency,
                                            int promptTokens, int completionTokens) {
        beats++;
        String id = "n" + beats;
        NarrationProvenance provenance = routed(model, "v", arm, SLOT, rolloutId, 1, latency, promptTokens,
                completionTokens);
        return new NarrationRecorded("s1", "w1", id, id, id, 0, "text", provenance);
    }

    private static ShadowNarrationRecorded shadow(long latency, int promptTokens, int completionTokens, String failure) {
        beats++;
        String id = "n" + beats;
        return new ShadowNarrationRecorded("s1", "w1", id, id, failure == null ? "text" : null, failure,
                routed(GPT, "v", NarrationArm.SHADOW, SLOT, "r1", 0, latency, promptTokens, completionTokens));
    }
}
