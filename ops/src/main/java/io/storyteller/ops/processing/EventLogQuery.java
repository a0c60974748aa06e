package io.storyteller.ops.processing;

import io.storyteller.domain.processing.BrowseEventLog;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;

/**
 * The SQL of one page of the audit explorer over Axon's JDBC event table. Only the filters asked
 * for are written into the statement (no {@code :x IS NULL OR ...}), so that the planner can use the
 * index that fits each: the aggregate's (id, sequence) key, (type, globalindex), the simple event
 * type's expression index and the timestamp's (V71). Timestamps are stored as ISO-8601 text of a
 * fixed width, so they compare as text.
 */
record EventLogQuery(String sql, Map<String, Object> params, int pageSize) {

    static final int MAX_PAGE = 200;
    /** Axon's aggregate type and payload type columns hold at most this. */
    private static final int MAX_NAME = 255;
    /** The simple name of a payload type, as the expression index of V71 computes it. */
    static final String SIMPLE_TYPE = "regexp_replace(payloadtype, '^.*\\.', '')";

    static EventLogQuery of(BrowseEventLog browse) {
        int pageSize = Require.range("first", browse.first(), 1, MAX_PAGE);
        if (browse.from() != null && browse.to() != null && !browse.from().isBefore(browse.to())) {
            throw DomainRejection.invalid("to", "after-from", "to must be later than from");
        }
        if (browse.after() != null && browse.after() < 0) {
            throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (browse.aggregateId() != null) {
            where.add("aggregateidentifier = :aggregateId");
            params.put("aggregateId", Require.text("aggregateId", browse.aggregateId(), MAX_NAME));
        }
        if (browse.aggregateType() != null) {
            where.add("type = :aggregateType");
            params.put("aggregateType", Require.text("aggregateType", browse.aggregateType(), MAX_NAME));
        }
        if (browse.eventType() != null) {
            String eventType = Require.text("eventType", browse.eventType(), MAX_NAME);
            where.add((eventType.contains(".") ? "payloadtype" : SIMPLE_TYPE) + " = :eventType");
            params.put("eventType", eventType);
        }
        if (browse.from() != null) {
            where.add("timestamp >= :from");
            params.put("from", DateTimeUtils.formatInstant(browse.from()));
        }
        if (browse.to() != null) {
            where.add("timestamp < :to");
            params.put("to", DateTimeUtils.formatInstant(browse.to()));
        }
        if (browse.after() != null) {
            where.add("globalindex " + (browse.oldestFirst() ? ">" : "<") + " :after");
            params.put("after", browse.after());
        }
        params.put("limit", pageSize + 1);
        String sql = "SELECT globalindex, aggregateidentifier, type, sequencenumber, payloadtype, timestamp, payload"
                + " FROM domainevententry"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY globalindex " + (browse.oldestFirst() ? "ASC" : "DESC")
                + " LIMIT :limit";
        return new EventLogQuery(sql, params, pageSize);
    }
}
