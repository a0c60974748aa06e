package io.storyteller.query.operations;

import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One page of a log read newest first: its size, the cursor it starts after, and any further filters. */
record LogPage(List<String> conditions, Map<String, Object> params) {

    static final int MAX_PAGE = 200;

    static LogPage of(int first, Long after) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", Require.range("first", first, 1, MAX_PAGE));
        List<String> conditions = new ArrayList<>();
        if (after != null) {
            if (after < 0) {
                throw DomainRejection.invalid("after", "cursor", "after is not a cursor handed out by this API");
            }
            conditions.add("global_index < :after");
            params.put("after", after);
        }
        return new LogPage(conditions, params);
    }

    LogPage and(String condition, String name, Object value) {
        List<String> more = new ArrayList<>(conditions);
        more.add(condition);
        Map<String, Object> moreParams = new HashMap<>(params);
        moreParams.put(name, value);
        return new LogPage(more, moreParams);
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
