package io.storyteller.command.narration.routing;

import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoute;
import io.storyteller.domain.deployment.FindNarratorRoutes;
import io.storyteller.domain.deployment.NarratorRoutes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks which narrator deployment serves a world: one {@link FindNarratorRoute} query per narration,
 * sent before the story's context is fetched so that both travel at once. No answer (no narrator
 * slot, or no deployment read model in this application) means no deployment: the configured
 * narrator serves, as before deployments existed.
 */
public class Routes {

    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    private final QueryGateway queries;
    private final Duration timeout;
    private volatile boolean warnedNoHandler;

    public Routes(QueryGateway queries, Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    public CompletableFuture<NarratorRoute> request(String worldId) {
        return queries.query(new FindNarratorRoute(worldId), ResponseTypes.instanceOf(NarratorRoute.class));
    }

    /**
     * The routes of a world's ensemble: the deployments its narration policy names, in that order,
     * or, when it names none, its narrator slot (its own, else the global one).
     *
     * @return the routes, empty when no deployment serves the world
     * @throws CannotNarrateException when they could not be resolved, or none of the named deployments exists
     */
    public List<NarratorRoute> ensemble(String worldId, List<String> deploymentIds) {
        if (deploymentIds.isEmpty()) {
            return await(request(worldId)).map(List::of).orElse(List.of());
        }
        List<NarratorRoute> routes = awaitAnswer(queries.query(new FindNarratorRoutes(deploymentIds),
                ResponseTypes.instanceOf(NarratorRoutes.class)), "FindNarratorRoutes")
                .map(NarratorRoutes::routes).orElse(List.of());
        if (routes.isEmpty()) {
            throw new CannotNarrateException("none of the narrator deployments the world's narration policy names exists");
        }
        return routes;
    }

    /**
     * @return the route, empty when no deployment serves the world
     * @throws CannotNarrateException when the route could not be resolved: narrating elsewhere would misattribute it
     */
    public Optional<NarratorRoute> await(CompletableFuture<NarratorRoute> route) {
        return awaitAnswer(route, "FindNarratorRoute");
    }

    private <T> Optional<T> awaitAnswer(CompletableFuture<T> route, String query) {
        try {
            return Optional.ofNullable(route.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(query + " interrupted", e);
        } catch (TimeoutException e) {
            route.cancel(true);
            throw new CannotNarrateException("the world's narrator deployment could not be resolved in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NoHandlerForQueryException) {
                if (!warnedNoHandler) {
                    warnedNoHandler = true;
                    log.warn("No handler answers {}: narrating without deployments", query);
                }
                return Optional.empty();
            }
            log.debug("{} failed", query, e.getCause());
            throw new CannotNarrateException("the world's narrator deployment could not be resolved");
        }
    }
}
