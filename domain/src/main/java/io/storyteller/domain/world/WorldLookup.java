package io.storyteller.domain.world;

import io.storyteller.domain.shared.DomainRejection;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Loads a world another aggregate's command depends on (read only). An id that names no world —
 * nothing at all, or an aggregate of another kind — is the client's mistake: not found, on the field
 * that held it.
 */
public final class WorldLookup {

    private WorldLookup() {
    }

    public static Aggregate<World> load(Repository<World> worlds, String field, String worldId) {
        try {
            return worlds.load(worldId);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw DomainRejection.notFound(field, "no world " + worldId);
        }
    }
}
