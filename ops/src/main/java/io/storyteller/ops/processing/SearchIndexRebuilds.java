package io.storyteller.ops.processing;

import io.storyteller.domain.retrieval.RebuildSearchIndexes;
import io.storyteller.domain.retrieval.SearchIndexRebuild;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search indexes for platform admins: each search projection's processor is stopped
 * (releasing its token claims), reset to the start of the event log (its reset handler drops and
 * recreates its indexes) and started again, so it indexes every lore entry and beat anew.
 */
@Component
class SearchIndexRebuilds {

    static final List<String> GROUPS = List.of(LoreIndexProjection.GROUP, BeatIndexProjection.GROUP);

    private final ObjectProvider<EventProcessingConfiguration> processing;

    SearchIndexRebuilds(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    @CommandHandler
    SearchIndexRebuild handle(RebuildSearchIndexes command) {
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", command.actor()))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins rebuild the search indexes");
        }
        EventProcessingConfiguration config = processing.getObject();
        for (String group : GROUPS) {
            StreamingEventProcessor processor = config.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no streaming processor for processing group " + group));
            // resetTokens refuses a running processor: shutDown waits until its claims are released
            processor.shutDown();
            try {
                processor.resetTokens();
            } finally {
                // started again even if the reset failed, so that indexing never stays stopped
                processor.start();
            }
        }
        return new SearchIndexRebuild(GROUPS);
    }
}
