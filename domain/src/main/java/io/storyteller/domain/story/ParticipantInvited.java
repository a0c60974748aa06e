package io.storyteller.domain.story;

/** A user joined a story as a participant. */
public record ParticipantInvited(String storyId,
        String userId,
        String invitedBy) {
}
