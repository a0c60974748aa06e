package io.storyteller.projections.rollout;

import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import io.storyteller.domain.story.StageVerdict;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code narration_outcomes}: one row per narration call a deployment routed (served,
 * failed or mirrored), which the rollout metrics are computed over. Calls outside any deployment
 * are not kept. A row is keyed by its event's identifier, so a redelivered event counts once.
 * <p>
 * Cost is priced when the call is projected, from the model's {@code TokenPrice} in
 * {@code models} (kept by the "models" group): 0 when the model is not (yet) registered. The
 * A judged turn counts each routed candidate on its own row (see {@link NarrationOutcome#candidate}):
 * whether the guardrail refused it, its detector score and review total.
 * A rating goes to the beat's selected alternative when it is given.
 * <p>
 * Each routed call of a judge stage on a candidate (a {@link StageVerdict} of its report) is a row
 * of the stage's own deployment, so that a detector, guardrail or reviewer rollout has per-arm
 * figures: the version's latency, failure and verdict, and the beat's rating where it judged the
 * chosen candidate. A judge stage's call on a shadow narration's answer counts too (it judged a text).
 */
@Component
@ProcessingGroup(NarrationOutcomeProjection.GROUP)
@AllowReplay
public class NarrationOutcomeProjection {

    /** The processing group of the narration metrics. */
    public static final String GROUP = "narration-metrics";

    private final JdbcClient jdbc;

    public NarrationOutcomeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NarrationRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        NarrationProvenance provenance = event.provenance();
        if (provenance != null && !provenance.candidates().isEmpty()) {
            boolean added = false;
            for (CandidateReport candidate : provenance.candidates()) {
                if (candidate.deploymentId() != null && candidate.arm() != null) {
                    added |= insert(NarrationOutcome.candidate(eventId, event.storyId(), event.requestId(),
                            event.narrationBeatId(), event.alternativeIndex(), candidate, at));
                }
                added |= stages(eventId, event.storyId(), event.requestId(), event.narrationBeatId(),
                        event.alternativeIndex(), candidate, at);
            }
            if (added) {
                select(event.storyId(), event.narrationBeatId(), event.alternativeIndex());
            }
            return;
        }
        if (!routed(provenance)) {
            return;
        }
        boolean added = insert(NarrationOutcome.of(eventId, event.storyId(), event.requestId(), event.narrationBeatId(),
                event.alternativeIndex(), provenance, false, at));
        if (added) {
            // the story shows the alternative just recorded
            select(event.storyId(), event.narrationBeatId(), event.alternativeIndex());
        }
    }

    @EventHandler
    void on(ShadowNarrationRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        NarrationProvenance provenance = event.provenance();
        if (provenance != null) {
            provenance.candidates().forEach(candidate -> stages(eventId, event.storyId(), event.requestId(), null, null,
                    candidate, at));
        }
        if (!routed(provenance)) {
            return;
        }
        if (!provenance.candidates().isEmpty()) {
            // judged like a candidate: its guardrail verdict, detector score and review count for the shadow arm
            provenance.candidates().forEach(candidate -> insert(NarrationOutcome.candidate(eventId, event.storyId(),
                    event.requestId(), null, null, candidate, at)));
            return;
        }
        insert(NarrationOutcome.of(eventId, event.storyId(), event.requestId(), null, null, provenance,
                event.failureReason() != null, at));
    }

    @EventHandler
    void on(NarrationFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        event.candidates().forEach(candidate -> stages(eventId, event.storyId(), event.requestId(), null, null,
                candidate, at));
        if (!event.candidates().isEmpty()) {
            event.candidates().stream().filter(c -> c.deploymentId() != null && c.arm() != null)
                    .forEach(c -> insert(NarrationOutcome.candidate(eventId, event.storyId(), event.requestId(), null, null,
                            c, at)));
            return;
        }
        if (event.route() == null || event.route().deploymentId() == null || event.route().arm() == null) {
            return;
        }
        insert(NarrationOutcome.failure(eventId, event.storyId(), event.requestId(), event.route(), event.model(), at));
    }

    @EventHandler
    void on(NarrationAlternativeSelected event) {
        select(event.storyId(), event.beatId(), event.alternativeIndex());
    }

    @EventHandler
    void on(BeatRated event) {
        jdbc.sql("UPDATE narration_outcomes SET rating = :rating WHERE story_id = :storyId AND beat_id = :beatId AND selected")
                .param("storyId", event.storyId())
                .param("beatId", event.beatId())
                .param("rating", event.rating())
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE narration_outcomes").update();
    }

    /** A row per routed judge-stage call on the candidate; whether any is new. */
    private boolean stages(String eventId, String storyId, String requestId, String beatId, Integer alternativeIndex,
            CandidateReport candidate, Instant at) {
        boolean added = false;
        for (StageVerdict call : candidate.stages()) {
            if (call.stage() != null && call.deploymentId() != null && call.arm() != null) {
                added |= insert(NarrationOutcome.stage(eventId, storyId, requestId, beatId, alternativeIndex, candidate,
                        call, at));
            }
        }
        return added;
    }

    private static boolean routed(NarrationProvenance provenance) {
        return provenance != null && provenance.deploymentId() != null && provenance.arm() != null;
    }

    /** Whether the row is new (false when the event was delivered before). */
    private boolean insert(NarrationOutcome outcome) {
        Map<String, Object> params = new HashMap<>();
        params.put("eventId", outcome.eventId());
        params.put("storyId", outcome.storyId());
        params.put("requestId", outcome.requestId());
        params.put("beatId", outcome.beatId());
        params.put("alternativeIndex", outcome.alternativeIndex());
        params.put("deploymentId", outcome.deploymentId());
        params.put("rolloutId", outcome.rolloutId());
        params.put("rolloutStep", outcome.rolloutStep());
        params.put("arm", outcome.arm().name());
        params.put("model", outcome.model());
        params.put("modelVersion", outcome.modelVersion());
        params.put("latency", Math.max(0, outcome.latencyMillis()));
        params.put("promptTokens", Math.max(0, outcome.promptTokens()));
        params.put("completionTokens", Math.max(0, outcome.completionTokens()));
        params.put("failed", outcome.failed());
        params.put("blocked", outcome.guardrailBlocked());
        params.put("detector", outcome.detectorScore());
        params.put("review", outcome.reviewScore());
        params.put("at", Columns.time(outcome.occurredAt()));
        params.put("stage", outcome.stage());
        return jdbc.sql("""
                INSERT INTO narration_outcomes (event_id, story_id, request_id, beat_id, alternative_index, selected,
                                                deployment_id, rollout_id, rollout_step, arm, model, model_version,
                                                latency_ms, prompt_tokens, completion_tokens, failed, cost,
                                                guardrail_blocked, detector_score, review_score, occurred_at, stage)
                VALUES (:eventId, :storyId, :requestId, :beatId, :alternativeIndex, false,
                        :deploymentId, :rolloutId, :rolloutStep, :arm, :model, :modelVersion,
                        :latency, :promptTokens, :completionTokens, :failed,
                        coalesce((SELECT (CAST(:promptTokens AS numeric) * m.price_input_per_million
                                          + CAST(:completionTokens AS numeric) * m.price_output_per_million) / 1000000
                                  FROM models m WHERE m.model_id = :model), 0),
                        :blocked, :detector, CAST(:review AS double precision), :at, CAST(:stage AS text))
                ON CONFLICT (event_id) DO NOTHING""")
                .params(params)
                .update() == 1;
    }

    private void select(String storyId, String beatId, int alternativeIndex) {
        jdbc.sql("""
                UPDATE narration_outcomes SET selected = (alternative_index = :index)
                WHERE story_id = :storyId AND beat_id = :beatId""")
                .param("storyId", storyId)
                .param("beatId", beatId)
                .param("index", alternativeIndex)
                .update();
    }
}
