package io.storyteller.query.acquisition;

import io.storyteller.domain.acquisition.AcquisitionAuthority;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.FindAcquisition;
import io.storyteller.domain.acquisition.FindAcquisitions;
import io.storyteller.domain.shared.Require;
import io.storyteller.projections.schema.AcquisitionRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers what became of Hub acquisitions. Acquisitions are the platform's own operation, so only
 * platform admins read them: anyone else is refused, as when they ask to acquire.
 */
@Component
public class AcquisitionQueries {

    static final int MAX_FIRST = 100;

    private final JdbcClient jdbc;

    public AcquisitionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, filtered by status and use case when given. */
    @QueryHandler
    public List<AcquisitionView> handle(FindAcquisitions query) {
        AcquisitionAuthority.require(query.viewer());
        int first = Require.range("first", query.first(), 1, MAX_FIRST);
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", query.status().name());
        }
        if (query.useCase() != null) {
            conditions.add("a.use_case = :useCase");
            params.put("useCase", query.useCase().name());
        }
        params.put("first", first);
        return jdbc.sql(AcquisitionRows.SELECT + " WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY a.requested_at DESC, a.acquisition_id LIMIT :first")
                .params(params)
                .query((rs, row) -> AcquisitionRows.view(rs))
                .list();
    }

    @QueryHandler
    public Optional<AcquisitionView> handle(FindAcquisition query) {
        AcquisitionAuthority.require(query.viewer());
        if (query.acquisitionId() == null || query.acquisitionId().isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql(AcquisitionRows.SELECT + " WHERE a.acquisition_id = :id")
                .param("id", query.acquisitionId().strip())
                .query((rs, row) -> AcquisitionRows.view(rs))
                .optional();
    }
}
