package io.storyteller.query.access;

import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import java.util.Map;

/**
 * Who reads, reduced to what the read rules need. Platform admins and the platform itself
 * ({@link AccessPolicy#hasPlatformAuthority}) see everything; a query without a viewer sees nothing.
 */
public record Viewer(String userId, boolean seesEverything) {

    /** No user id of the platform is blank, so this viewer is nobody's member or participant. */
    private static final Viewer NOBODY = new Viewer("", false);

    public static Viewer of(Actor actor) {
        return actor == null ? NOBODY : new Viewer(actor.userId(), AccessPolicy.hasPlatformAuthority(actor));
    }

    /** The named parameters that {@link ReadRules}' conditions use. */
    public Map<String, Object> params() {
        return Map.of("viewer", userId, "seesEverything", seesEverything);
    }
}
