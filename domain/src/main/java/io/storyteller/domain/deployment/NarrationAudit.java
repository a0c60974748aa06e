package io.storyteller.domain.deployment;

import java.util.List;

/**
 * How a narration beat came to be: one {@link AuditedNarration} per alternative (the retry stack),
 * in order, and which of them stands.
 */
public record NarrationAudit(String storyId,
        String worldId,
        String beatId,
        int selectedAlternative,
        List<AuditedNarration> alternatives) {
}
