package io.storyteller.sagas.rollout;

/**
 * What a rollout saga is associated with: a rollout id is unique only within its deployment, so
 * the key holds both. The deployment id's length comes first, which keeps the key unambiguous
 * whatever characters the ids contain, e.g. {@code 15:narrator:global/r1} (at most 197 characters).
 */
final class RolloutKey {

    /** The association property name of every rollout saga handler. */
    static final String PROPERTY = "rolloutKey";

    private RolloutKey() {
    }

    static String of(String deploymentId, String rolloutId) {
        return deploymentId.length() + ":" + deploymentId + "/" + rolloutId;
    }
}
