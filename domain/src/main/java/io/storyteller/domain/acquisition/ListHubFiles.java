package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** Lists a Hub repository's files at a revision (null: main). Answers a {@link HubRevision}. */
public record ListHubFiles(String repo,
        String revision,
        Actor viewer) {
}
