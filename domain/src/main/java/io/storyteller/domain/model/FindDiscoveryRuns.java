package io.storyteller.domain.model;

import io.storyteller.domain.shared.Actor;

/**
 * The latest discovery runs since the application started, newest first, at most {@code limit}.
 * Answers a list of {@link DiscoveryReport}; empty to anyone who may not manage models.
 */
public record FindDiscoveryRuns(int limit,
        Actor viewer) {
}
