package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/**
 * Searches the Hub's models by text and task ({@code pipeline_tag}; either may be null), ranked
 * for acquisition. Answers a list of {@link HubModelCandidate}, at most {@code first}.
 */
public record SearchHubModels(String search,
        String task,
        int first,
        Actor viewer) {
}
