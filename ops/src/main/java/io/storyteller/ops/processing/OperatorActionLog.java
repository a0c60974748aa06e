package io.storyteller.ops.processing;

import io.storyteller.domain.processing.FindOperatorActions;
import io.storyteller.domain.processing.OperatorAction;
import io.storyteller.domain.processing.OperatorActionRecorded;
import io.storyteller.domain.processing.OperatorActionView;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recorded operator actions, newest first, read straight from the event log (they are the
 * events of the {@link OperatorAction} aggregates, found by the (type, globalindex) index of V71):
 * no read model to keep, and nothing an operator did can be missing from it.
 */
@Component
class OperatorActionLog {

    private static final String AGGREGATE_TYPE = OperatorAction.class.getSimpleName();
    private static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final Serializer serializer;

    OperatorActionLog(JdbcClient jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @QueryHandler
    List<OperatorActionView> handle(FindOperatorActions query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        int first = Require.range("first", query.first(), 1, MAX_PAGE);
        if (query.after() != null && query.after() < 0) {
            throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
        }
        return jdbc.sql("SELECT globalindex, timestamp, payload, payloadtype, payloadrevision FROM domainevententry"
                        + " WHERE type = :type" + (query.after() == null ? "" : " AND globalindex < :after")
                        + " ORDER BY globalindex DESC LIMIT :limit")
                .param("type", AGGREGATE_TYPE).param("limit", first)
                .params(query.after() == null ? Map.of() : Map.of("after", query.after()))
                .query(this::view).list();
    }

    private OperatorActionView view(ResultSet row, int i) throws SQLException {
        OperatorActionRecorded recorded = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                row.getString("payloadtype"), row.getString("payloadrevision")));
        return new OperatorActionView(row.getLong("globalindex"), recorded.actionId(), recorded.operatorId(), recorded.action(),
                recorded.target(), recorded.outcome(), recorded.succeeded(), Instant.parse(row.getString("timestamp")));
    }
}
