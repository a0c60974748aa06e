package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;

/**
 * The {@code limit} most recent player actions of a world, or of all worlds when {@code worldId}
 * is null, oldest first. Answers a list of {@link RecordedPlayerAction}. Only the platform and
 * whoever manages models may ask (they replay actions through candidate models); players never.
 */
public record FindRecentPlayerActions(String worldId,
        int limit,
        Actor viewer) {
}
