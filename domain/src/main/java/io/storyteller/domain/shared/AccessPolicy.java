package io.storyteller.domain.shared;

/**
 * Who may read and manage what: the one statement of the platform's access rules, which the
 * aggregates (commands), the read side (queries) and the engines consult.
 * <ul>
 *   <li>platform admins and the platform itself see and manage everything, but act in no player's
 *       story;</li>
 *   <li>world admins (the platform role) create worlds; a world's {@code OWNER} and {@code ADMIN}
 *       members manage it and may read its stories (moderation); only its owner archives it;</li>
 *   <li>players read and act in their own stories and in worlds they are members of;</li>
 *   <li>models and deployments are managed and read by platform admins, the model manager (the
 *       meta-manager, who may do nothing else) and the platform.</li>
 * </ul>
 * World membership and story participation are facts the World and Story aggregates and their read
 * models hold; the rules about them are written where those facts live, in terms of the roles here.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Platform admins and the platform itself see and manage every world, story, model and deployment. */
    public static boolean hasPlatformAuthority(Actor actor) {
        return actor != null && actor.isPlatformAdmin();
    }

    /** Who creates worlds. */
    public static boolean createsWorlds(Actor actor) {
        return actor != null && (actor.has(PlatformRole.WORLD_ADMIN) || actor.isPlatformAdmin());
    }

    /** Who manages and reads models and deployments. */
    public static boolean managesModels(Actor actor) {
        return actor != null && (actor.isPlatformAdmin() || actor.has(PlatformRole.MODEL_MANAGER));
    }
}
