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
 * roles. A {@code scope} or {@code scp} claim holding {@value #MODELS_MANAGE} grants
 * MODEL_MANAGER too, as an external issuer would express the meta-manager's authority. SYSTEM is
 * the platform's own role and is never taken from a token, whoever signed it.
 */
public final class ActorClaims {

    public static final String ROLES = "roles";
    public static final String SCOPE = "scope";
    public static final String SCP = "scp";
    /** The meta-manager's authority, as an OAuth scope. */
    public static final String MODELS_MANAGE = "models:manage";

    private ActorClaims() {
    }

    public static Actor actor(Jwt jwt) {
        return new Actor(jwt.getSubject(), roles(jwt));
    }

    /**
     * The roles a token grants, by their exact names ({@code PLAYER}, {@code WORLD_ADMIN},
     * {@code PLATFORM_ADMIN}, {@code MODEL_MANAGER}); any other spelling and SYSTEM are dropped.
     */
    public static Set<PlatformRole> roles(Jwt jwt) {
        Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
        for (String name : names(jwt.getClaims().get(ROLES))) {
            for (PlatformRole role : PlatformRole.values()) {
                if (role != PlatformRole.SYSTEM && role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        if (names(jwt.getClaims().get(SCOPE)).contains(MODELS_MANAGE)
                || names(jwt.getClaims().get(SCP)).contains(MODELS_MANAGE)) {
            roles.add(PlatformRole.MODEL_MANAGER);
        }
        return roles;
    }

    /** A claim's names: a JSON list, or a space or comma separated string. */
    private static List<String> names(Object claim) {
        Collection<?> names = switch (claim) {
            case Collection<?> list -> list;
            case String text -> List.of(text.split("[\\s,]+"));
            case null, default -> List.of();
        };
        return names.stream().map(name -> String.valueOf(name).strip()).toList();
    }
}
