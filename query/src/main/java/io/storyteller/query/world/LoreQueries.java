package io.storyteller.query.world;

import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.projections.schema.LoreEntryRows;
import io.storyteller.query.access.ReadRules;
import io.storyteller.query.access.Viewer;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers lore queries: a world's lore is visible to whoever may see the world. */
@Component
public class LoreQueries {

    private final JdbcClient jdbc;

    public LoreQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The world's lore, highest priority first; empty when the world is missing or not visible. */
    @QueryHandler
    public List<LoreEntryView> handle(FindLoreEntries query) {
        return jdbc.sql(LoreEntryRows.SELECT
                        + " WHERE l.world_id = :worldId AND (:includeRetired OR NOT l.retired) AND " + ReadRules.LORE
                        + " ORDER BY l.priority DESC, lower(l.title), l.lore_entry_id")
                .params(Viewer.of(query.viewer()).params())
                .param("worldId", query.worldId())
                .param("includeRetired", query.includeRetired())
                .query(LoreEntryRows.VIEW)
                .list();
    }
}
