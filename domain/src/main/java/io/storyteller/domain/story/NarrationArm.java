package io.storyteller.domain.story;

/** Which side of a deployment answered: its stable model, the rollout's canary, or a mirrored shadow call. */
public enum NarrationArm {
    STABLE,
    CANARY,
    SHADOW
}
