package io.storyteller.graphql.caller;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the caller out of an access token: {@code sub} is the user id, {@code roles} the platform
 * roles. SYSTEM is the platform's own role and is never taken from a token, whoever signed it.
 */
public final class ActorClaims {

    public static final String ROLES = "roles";

    private ActorClaims() {
    }

    public static Actor actor(Jwt jwt) {
        return new Actor(jwt.getSubject(), roles(jwt));
    }

    /** The roles a token grants; unknown names and SYSTEM are dropped. */
    public static Set<PlatformRole> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(ROLES);
        Collection<?> names = switch (claim) {
            case Collection<?> list -> list;
            case String text -> List.of(text.split("[\\s,]+"));
            case null, default -> List.of();
        };
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (Object name : names) {
            for (PlatformRole role : PlatformRole.values()) {
                if (role != PlatformRole.SYSTEM && role.name().equalsIgnoreCase(String.valueOf(name).strip())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
