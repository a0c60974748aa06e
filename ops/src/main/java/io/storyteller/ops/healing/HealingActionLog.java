package io.storyteller.ops.healing;

import io.storyteller.domain.healing.FindHealingActions;
import io.storyteller.domain.healing.HealingAction;
import io.storyteller.domain.healing.HealingActionRecorded;
import io.storyteller.domain.healing.HealingActionView;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recorded healing actions, newest first, read straight from the event log (the events of the
 * {@link HealingAction} aggregates, found by the (type, globalindex) index of V71), as the operator
 * log is: no read model to keep, and nothing the platform healed can be missing from it. A kind
 * narrows it by the payload's {@code kind}.
 */
@Component
class HealingActionLog {

    private static final String AGGREGATE_TYPE = HealingAction.class.getSimpleName();
    private static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final Serializer serializer;

    HealingActionLog(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @QueryHandler
    List<HealingActionView> handle(FindHealingActions query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        int first = Require.range("first", query.first(), 1, MAX_PAGE);
        if (query.after() != null && query.after() < 0) {
            throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
        }
        Map<String, Object> params = new HashMap<>(Map.of("type", AGGREGATE_TYPE, "limit", first));
        if (query.after() != null) {
            params.put("after", query.after());
        }
        if (query.kind() != null) {
            params.put("kind", query.kind().name());
        }
        return jdbc.sql("SELECT globalindex, timestamp, payload, payloadtype, payloadrevision FROM domainevententry"
                        + " WHERE type = :type" + (query.after() == null ? "" : " AND globalindex < :after")
                        + (query.kind() == null ? "" : " AND convert_from(payload, 'UTF8')::jsonb ->> 'kind' = :kind")
                        + " ORDER BY globalindex DESC LIMIT :limit")
                .params(params).query(this::view).list();
    }

    private HealingActionView view(ResultSet row, int i) throws SQLException {
        HealingActionRecorded recorded = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"),
                byte[].class, row.getString("payloadtype"), row.getString("payloadrevision")));
        return new HealingActionView(row.getLong("globalindex"), recorded.actionId(), recorded.kind(), recorded.subject(),
                recorded.detail(), recorded.outcome(), recorded.occurrences(), Instant.parse(row.getString("timestamp")));
    }
}
