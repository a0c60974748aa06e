package io.storyteller.command.slot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Which model version serves a stage (guardrail, detector, reviewer, embedder) in a world: the
 * world's slot for that use case, else the global slot; empty when neither exists. Per story, a
 * slot in a rollout answers as a narrator slot does ({@link RouteChoice}): the candidate judges the
 * stories its canary weight gives it, and in a shadow phase the stable judges while the candidate
 * is mirrored. A stage asks for every candidate, so an answer is kept for {@link #FRESH_FOR} (a
 * slot replaced or a rollout advanced serves every turn within that long), for at most
 * {@link #MAX_ANSWERS} (use case, world) pairs.
 */
public class StageSlots {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** Worlds × use cases kept at once: the least recently used pairs go first. */
    static final long MAX_ANSWERS = 10_000;

    private final QueryGateway queries;
    private final Duration timeout;
    private final Cache<Key, Optional<NarratorRoute>> answers;

    public StageSlots(QueryGateway queries, Duration timeout, Clock clock) {
        this.queries = queries;
        this.timeout = timeout;
        Instant origin = clock.instant();
        this.answers = Caffeine.newBuilder()
                .maximumSize(MAX_ANSWERS)
                .expireAfterWrite(FRESH_FOR)
                .ticker(() -> Duration.between(origin, clock.instant()).toNanos())
                .executor(Runnable::run)
                .build();
    }

    /** @throws IllegalStateException when the slots could not be read: a stage must not guess its model */
    public Optional<ModelRef> stable(UseCase useCase, String worldId) {
        return route(useCase, worldId).map(NarratorRoute::stable);
    }

    /**
     * The slot's stable version as the deployments stand now, asked past the kept answers (and
     * keeping the new one): for a decision that must not rest on an answer up to {@link #FRESH_FOR}
     * old, such as the incumbent a candidate is validated against right after its slot was opened.
     *
     * @throws IllegalStateException when the slots could not be read
     */
    public Optional<ModelRef> currentStable(UseCase useCase, String worldId) {
        Optional<NarratorRoute> route = ask(useCase, worldId);
        answers.put(new Key(useCase, worldId), route);
        return route.map(NarratorRoute::stable);
    }

    /**
     * The version that judges this story's candidates, the route its calls record and, in a shadow
     * phase, the mirrored candidate; empty when no slot serves the world (the house default does).
     *
     * @throws IllegalStateException when the slots could not be read
     */
    public Optional<RouteChoice> choice(UseCase useCase, String worldId, String storyId) {
        return route(useCase, worldId).map(route -> RouteChoice.of(route, storyId));
    }

    /** The slot serving the world, with its rollout; empty when none. */
    public Optional<NarratorRoute> route(UseCase useCase, String worldId) {
        return answers.get(new Key(useCase, worldId), key -> ask(key.useCase(), key.worldId()));
    }

    private Optional<NarratorRoute> ask(UseCase useCase, String worldId) {
        try {
            NarratorRoute route = queries.query(new FindSlotRoute(useCase, worldId), NarratorRoute.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(route);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resolving the " + useCase.key() + " slot", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof NoHandlerForQueryException) {
                return Optional.empty(); // no deployments in this application: the house default serves
            }
            throw new IllegalStateException("the " + useCase.key() + " slot could not be resolved", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the " + useCase.key() + " slot could not be resolved in time", e);
        }
    }

    private record Key(UseCase useCase, String worldId) {
    }
}
