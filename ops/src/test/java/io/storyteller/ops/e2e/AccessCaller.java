package io.storyteller.ops.e2e;

import io.storyteller.domain.shared.PlatformRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of caller the access rules tell apart, by the roles their token grants and what they
 * are in the world and story at hand (see {@link AccessFixture}).
 */
enum AccessCaller {
    ANONYMOUS("anonymous", null),
    OUTSIDER("a player outside the world", PlatformRole.PLAYER),
    WORLD_PLAYER("a player of the world outside the story", PlatformRole.PLAYER),
    STORY_OWNER("the story's owner", PlatformRole.PLAYER),
    WORLD_ADMIN("a world admin member", PlatformRole.WORLD_ADMIN),
    WORLD_OWNER("the world's owner", PlatformRole.WORLD_ADMIN),
    FOREIGN_WORLD_ADMIN("a world admin who is not a member", PlatformRole.WORLD_ADMIN),
    PLATFORM_ADMIN("a platform admin", PlatformRole.PLATFORM_ADMIN),
    /** May manage models and deployments only: refused every world and story command and read. */
    META_MANAGER("the meta-manager", PlatformRole.MODEL_MANAGER);

    /** Members of the world, whatever their role there. */
    static final Set<AccessCaller> WORLD_MEMBERS = EnumSet.of(WORLD_PLAYER, STORY_OWNER, WORLD_ADMIN, WORLD_OWNER);

    private final String description;
    private final PlatformRole role;

    AccessCaller(String description, PlatformRole role) {
        this.description = description;
        this.role = role;
    }

    /** The platform role the caller's token grants; null for the anonymous caller, who has no token. */
    PlatformRole role() {
        return role;
    }

    @Override
    public String toString() {
        return description;
    }
}
