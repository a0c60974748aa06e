package io.storyteller.domain.deployment;

import io.storyteller.domain.shared.Actor;

/**
 * Asks, from the event log, how a narration beat came to be: per alternative, the deployment, arm,
 * model version and rollout step that produced it and the decisions in force then. Only those who
 * manage models may ask ({@code ModelAuthority}). Answers an optional {@link NarrationAudit}, empty
 * when the story has no such narration beat.
 */
public record AuditNarration(String storyId,
        String beatId,
        Actor viewer) {
}
