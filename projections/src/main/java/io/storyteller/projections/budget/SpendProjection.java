package io.storyteller.projections.budget;

import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.projections.schema.BatchedReplay;
import io.storyteller.projections.schema.BatchedWrites;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code spend_entries}: what each model call of a turn cost, on the UTC day its event was
 * recorded. Every candidate counts, chosen, outranked, blocked or failed (it was paid for), and so
 * does a shadow call. A call's cost is the one its candidate report carries (priced when it was
 * generated); a report recorded before costs were is priced from the model's registered price in
 * {@code models}, 0 for a model not registered (house models). Rows are keyed by event id and call
 * index: redelivery writes nothing twice, and a reset empties the table for a rebuild by replay,
 * in batches ({@link BatchedWrites}: a call's row reads the story's world, which this group wrote
 * for an earlier event, and the batch writes in the events' order).
 */
@Component
@ProcessingGroup(SpendProjection.GROUP)
@AllowReplay
public class SpendProjection implements BatchedReplay {

    public static final String GROUP = "spend";

    /**
     * The rows of calls, each parameter an array with an element per call ({@link BatchedWrites#writeRows}).
     * A failure names no world: the story's, from this group's own record of where stories are played.
     */
    private static final String INSERT_CALLS = """
            INSERT INTO spend_entries (event_id, call_index, world_id, deployment_id, model, day,
                                       prompt_tokens, completion_tokens, cost)
            SELECT c.event_id, c.call_index, w.world_id, c.deployment_id, c.model, c.day, c.prompt, c.completion,
                   coalesce(c.cost,
                            (SELECT (c.prompt * m.price_input_per_million + c.completion * m.price_output_per_million) / 1000000
                             FROM models m WHERE m.model_id = c.model), 0)
            FROM (SELECT r.event_id, CAST(r.call_index AS integer) AS call_index, r.world_id, r.story_id, r.deployment_id,
                         r.model, CAST(r.day AS date) AS day, CAST(r.prompt AS numeric) AS prompt,
                         CAST(r.completion AS numeric) AS completion, CAST(r.cost AS numeric) AS cost
                  FROM unnest(CAST(:eventId AS text[]), CAST(:index AS text[]), CAST(:worldId AS text[]),
                              CAST(:storyId AS text[]), CAST(:deploymentId AS text[]), CAST(:model AS text[]),
                              CAST(:day AS text[]), CAST(:prompt AS text[]), CAST(:completion AS text[]),
                              CAST(:cost AS text[]))
                       AS r(event_id, call_index, world_id, story_id, deployment_id, model, day, prompt, completion, cost)) c
            CROSS JOIN LATERAL (SELECT coalesce(c.world_id,
                                                (SELECT world_id FROM spend_story_worlds s WHERE s.story_id = c.story_id))
                                       AS world_id) w
            WHERE w.world_id IS NOT NULL AND c.prompt + c.completion > 0
            ON CONFLICT (event_id, call_index) DO NOTHING""";

    private final NamedParameterJdbcOperations jdbc;
    private final BatchedWrites writes;

    public SpendProjection(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites("the spend's replay", jdbc);
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return writes.collects(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        writes.discard(event);
    }

    @EventHandler
    void on(StoryStarted event) {
        Map<String, Object> params = new HashMap<>();
        params.put("story", event.storyId());
        params.put("world", event.worldId());
        writes.write("INSERT INTO spend_story_worlds (story_id, world_id) VALUES (:story, :world) ON CONFLICT DO NOTHING",
                params);
    }

    @EventHandler
    void on(NarrationRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        calls(eventId, event.worldId(), event.storyId(), event.provenance(), at);
    }

    @EventHandler
    void on(ShadowNarrationRecorded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        calls(eventId, event.worldId(), event.storyId(), event.provenance(), at);
    }

    @EventHandler
    void on(NarrationFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        List<CandidateReport> candidates = event.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            insert(eventId, i, null, event.storyId(), candidates.get(i), at);
        }
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().execute("TRUNCATE spend_entries, spend_story_worlds");
    }

    private void calls(String eventId, String worldId, String storyId, NarrationProvenance provenance, Instant at) {
        if (provenance == null) {
            return;
        }
        if (provenance.candidates().isEmpty()) {
            // recorded before the pipeline judged candidates: the provenance is the one call
            insert(eventId, 0, worldId, storyId, new CandidateReport(0, 1, provenance.deploymentId(), provenance.arm(),
                    provenance.rolloutId(), provenance.rolloutStep(), provenance.model(), provenance.modelVersion(), null,
                    null, provenance.latencyMillis(), provenance.promptTokens(), provenance.completionTokens(), null, null),
                    at);
            return;
        }
        List<CandidateReport> candidates = provenance.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            insert(eventId, i, worldId, storyId, candidates.get(i), at);
        }
    }

    private void insert(String eventId, int index, String worldId, String storyId, CandidateReport call, Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("eventId", eventId);
        params.put("index", index);
        params.put("worldId", worldId);
        params.put("storyId", storyId);
        params.put("deploymentId", call.deploymentId());
        params.put("model", call.model());
        params.put("day", LocalDate.ofInstant(at, ZoneOffset.UTC));
        params.put("prompt", Math.max(0, call.promptTokens()));
        params.put("completion", Math.max(0, call.completionTokens()));
        params.put("cost", call.costUsd() == null ? null : call.costUsd().max(BigDecimal.ZERO));
        writes.writeRows(INSERT_CALLS, params);
    }
}
