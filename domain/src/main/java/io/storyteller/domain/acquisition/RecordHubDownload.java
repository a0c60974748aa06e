package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the repository's files are on disk. {@code commit} is what the revision resolved
 * to; {@code license}, {@code task}, {@code library} and {@code baseModel} are the Hub's metadata
 * (each may be null).
 * The aggregate decides the directory ({@code <repo>/<commit>}), so no answer can choose it.
 */
public record RecordHubDownload(@TargetAggregateIdentifier String acquisitionId,
        String commit,
        String license,
        String task,
        String library,
        String baseModel,
        List<HubFile> files,
        Actor actor) {
}
