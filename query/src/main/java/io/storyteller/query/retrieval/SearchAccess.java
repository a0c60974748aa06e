package io.storyteller.query.retrieval;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.world.WorldRole;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may search a world's lore and its stories: the platform, platform admins, and the world's
 * managing members (owner, admins). A world the caller cannot see is reported missing; a member who
 * does not manage it is refused.
 */
final class SearchAccess {

    private static final List<String> MANAGING = Arrays.stream(WorldRole.values())
            .filter(WorldRole::manages).map(Enum::name).toList();

    private final JdbcClient jdbc;

    SearchAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void checkWorld(String worldId, Actor viewer) {
        if (AccessPolicy.hasPlatformAuthority(viewer)) {
            return;
        }
        List<String> roles = viewer == null ? List.of() : jdbc.sql(
                        "SELECT role FROM world_members WHERE world_id = :worldId AND user_id = :userId")
                .param("worldId", worldId).param("userId", viewer.userId()).query(String.class).list();
        if (roles.isEmpty()) {
            throw DomainRejection.notFound("worldId", "no world " + worldId);
        }
        if (roles.stream().noneMatch(MANAGING::contains)) {
            throw DomainRejection.forbidden("world-admin", "only the world's owner and admins may search it");
        }
    }

    /** The story's world, once the viewer may search it. */
    String checkStory(String storyId, Actor viewer) {
        String worldId = jdbc.sql("SELECT world_id FROM stories WHERE story_id = :storyId")
                .param("storyId", storyId).query(String.class).optional()
                .orElseThrow(() -> DomainRejection.notFound("storyId", "no story " + storyId));
        try {
            checkWorld(worldId, viewer);
        } catch (DomainRejection hidden) {
            if (hidden.violation().kind() == io.storyteller.domain.shared.RejectionKind.NOT_FOUND) {
                throw DomainRejection.notFound("storyId", "no story " + storyId);
            }
            throw hidden;
        }
        return worldId;
    }
}
