package io.storyteller.domain.deployment;

import java.util.List;

/** The routes of the narrator deployments asked for, in the order asked, of those that exist. */
public record NarratorRoutes(List<NarratorRoute> routes) {

    public NarratorRoutes {
        routes = List.copyOf(routes);
    }
}
