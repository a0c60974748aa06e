package io.storyteller.query.world;

import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.FindWorlds;
import io.storyteller.domain.world.WorldView;
import io.storyteller.projections.schema.WorldRows;
import io.storyteller.query.access.ReadRules;
import io.storyteller.query.access.Viewer;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers world queries; a world the viewer may not see is absent. */
@Component
public class WorldQueries {

    private final JdbcClient jdbc;

    public WorldQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The viewer's worlds (every world for platform admins), archived ones included, by name. */
    @QueryHandler
    public List<WorldView> handle(FindWorlds query) {
        return jdbc.sql(WorldRows.SELECT + " WHERE " + ReadRules.WORLD + " ORDER BY lower(w.name), w.world_id")
                .params(Viewer.of(query.viewer()).params())
                .query(WorldRows.VIEW)
                .list();
    }

    @QueryHandler
    public Optional<WorldView> handle(FindWorld query) {
        return jdbc.sql(WorldRows.SELECT + " WHERE w.world_id = :worldId AND " + ReadRules.WORLD)
                .params(Viewer.of(query.viewer()).params())
                .param("worldId", query.worldId())
                .query(WorldRows.VIEW)
                .optional();
    }
}
