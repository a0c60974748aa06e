package io.storyteller.domain.world;

/** A world's narration policy was replaced. */
public record NarrationPolicySet(String worldId,
        NarrationPolicy policy,
        String setBy) {
}
