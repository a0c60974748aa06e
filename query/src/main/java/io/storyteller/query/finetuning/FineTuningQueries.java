package io.storyteller.query.finetuning;

import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FindFineTunings;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.shared.Actor;
import io.storyteller.projections.schema.FineTuningRows;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers fine-tuning queries; fine-tuning is the platform admins' business, to anyone else there are none. */
@Component
public class FineTuningQueries {

    private final JdbcClient jdbc;

    public FineTuningQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<FineTuningView> handle(FindFineTunings query) {
        if (!admin(query.viewer())) {
            return List.of();
        }
        int first = Math.clamp(query.first(), 1, FindFineTunings.MAX_FIRST);
        return jdbc.sql(FineTuningRows.SELECT + "WHERE (CAST(:status AS text) IS NULL OR f.status = :status) "
                        + "ORDER BY f.requested_at DESC, f.fine_tuning_id LIMIT :first")
                .param("status", query.status() == null ? null : query.status().name())
                .param("first", first)
                .query(FineTuningRows::view)
                .list();
    }

    @QueryHandler
    public Optional<FineTuningView> handle(FindFineTuning query) {
        if (!admin(query.viewer()) || query.fineTuningId() == null) {
            return Optional.empty();
        }
        return jdbc.sql(FineTuningRows.SELECT + "WHERE f.fine_tuning_id = :id")
                .param("id", query.fineTuningId())
                .query(FineTuningRows::view)
                .optional();
    }

    private static boolean admin(Actor viewer) {
        return viewer != null && viewer.isPlatformAdmin();
    }
}
