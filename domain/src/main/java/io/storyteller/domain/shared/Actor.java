package io.storyteller.domain.shared;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who issues a command or asks a query. Commands carry it so that aggregates decide
 * authorization on the facts they hold; events record only the user id.
 */
public record Actor(String userId, Set<PlatformRole> roles) {

    private static final Actor SYSTEM = new Actor("system", Set.of(PlatformRole.SYSTEM));

    public Actor {
        Require.id("actor.userId", userId);
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Actor system() {
        return SYSTEM;
    }

    public boolean has(PlatformRole role) {
        return roles.contains(role);
    }

    /** Platform admins and the platform itself may act anywhere. */
    public boolean isPlatformAdmin() {
        return has(PlatformRole.PLATFORM_ADMIN) || has(PlatformRole.SYSTEM);
    }

    public boolean isSystem() {
        return has(PlatformRole.SYSTEM);
    }
}
