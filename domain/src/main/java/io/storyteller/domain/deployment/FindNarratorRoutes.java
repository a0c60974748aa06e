package io.storyteller.domain.deployment;

import java.util.List;

/**
 * Asks how each of the named narrator deployments splits its calls, for a world whose narration
 * policy draws its ensemble from them. Answers {@link NarratorRoutes}, in the order named, without
 * the deployments that do not exist.
 */
public record FindNarratorRoutes(List<String> deploymentIds) {

    public FindNarratorRoutes {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
