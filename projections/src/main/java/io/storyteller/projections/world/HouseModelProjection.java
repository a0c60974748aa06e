package io.storyteller.projections.world;

import io.storyteller.domain.world.HouseModelTrained;
import io.storyteller.domain.world.HouseModelVersion;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps {@code house_model_versions}: one row per trained version of a world's house model. */
@Component
@ProcessingGroup(WorldProjection.GROUP)
@AllowReplay
public class HouseModelProjection {

    private final JdbcClient jdbc;

    public HouseModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseModelTrained event, @Timestamp Instant at) {
        HouseModelVersion version = event.version();
        jdbc.sql("""
                INSERT INTO house_model_versions (world_id, version, model_key, sha256, corpus_from_index,
                                                  corpus_to_index, documents, tokens, vocabulary_size,
                                                  trained_at, recorded_at)
                VALUES (:worldId, :version, :modelKey, :sha256, :from, :to, :documents, :tokens,
                        :vocabularySize, :trainedAt, :at)
                ON CONFLICT (world_id, version) DO NOTHING""")
                .param("worldId", event.worldId())
                .param("version", version.version())
                .param("modelKey", version.modelKey())
                .param("sha256", version.sha256())
                .param("from", version.corpusFromIndex())
                .param("to", version.corpusToIndex())
                .param("documents", version.documents())
                .param("tokens", version.tokens())
                .param("vocabularySize", version.vocabularySize())
                .param("trainedAt", Columns.time(version.trainedAt()))
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE house_model_versions").update();
    }
}
