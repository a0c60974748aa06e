package io.storyteller.query.budget;

import io.storyteller.query.access.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who reads spend and limits: platform admins (and the platform) everything, a world's owner and
 * admins their own world's; the global figures and every-world sums are the platform admins' only.
 */
final class SpendAccess {

    private SpendAccess() {
    }

    static boolean mayRead(JdbcClient jdbc, Viewer viewer, String worldId) {
        if (viewer.seesEverything()) {
            return true;
        }
        if (worldId == null || viewer.userId().isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT count(*) FROM world_members
                        WHERE world_id = :world AND user_id = :viewer AND role IN ('OWNER', 'ADMIN')""")
                .param("world", worldId)
                .param("viewer", viewer.userId())
                .query(Long.class)
                .single() > 0;
    }
}
