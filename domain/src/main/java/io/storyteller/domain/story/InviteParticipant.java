package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invites a member of the story's world into the story for party play. */
public record InviteParticipant(@TargetAggregateIdentifier String storyId,
        String userId,
        Actor actor) {
}
