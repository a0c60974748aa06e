package io.storyteller.graphql.world;

/** What a world mutation answers: the ids of what it addressed, for reading it back once projected. */
public record WorldMemberPayload(String worldId, String userId) {
}
