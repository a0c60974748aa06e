package io.storyteller.command.slot;

import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Which model version serves a stage (guardrail, detector, reviewer, embedder) in a world: the
 * stable version of the world's slot for that use case, else of the global slot; empty when neither
 * exists. A stage asks for every candidate, so an answer is kept for {@link #FRESH_FOR}: a slot
 * replaced by its admins serves every turn within that long.
 */
public class StageSlots {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final QueryGateway queries;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public StageSlots(QueryGateway queries, Duration timeout, Clock clock) {
        this.queries = queries;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the slots could not be read: a stage must not guess its model */
    public Optional<ModelRef> stable(UseCase useCase, String worldId) {
        String key = useCase + "/" + worldId;
        Instant now = clock.instant();
        Answer known = answers.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.model();
        }
        Optional<ModelRef> model = ask(useCase, worldId);
        answers.put(key, new Answer(model, now.plus(FRESH_FOR)));
        return model;
    }

    private Optional<ModelRef> ask(UseCase useCase, String worldId) {
        try {
            NarratorRoute route = queries.query(new FindSlotRoute(useCase, worldId), NarratorRoute.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(route).map(NarratorRoute::stable);
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

    private record Answer(Optional<ModelRef> model, Instant until) {
    }
}
