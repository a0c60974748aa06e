package io.storyteller.domain.story;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the narration that answers a pending request. */
public record RecordNarration(@TargetAggregateIdentifier String storyId,
        String requestId,
        String narrationBeatId,
        String text,
        NarrationProvenance provenance) {

    /**
     * The id the narration engine gives the new beat answering a request: derived from the story and
     * the request, so a redelivered request names the same beat. A player's action is its own
     * request, so the Story can derive its narration's id from the action's and need not store it.
     */
    public static String beatIdFor(String storyId, String requestId) {
        return UUID.nameUUIDFromBytes(("narration:" + storyId + ":" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
