package io.storyteller.ops.processing;

import io.storyteller.domain.retrieval.RebuildSearchIndexes;
import io.storyteller.domain.retrieval.SearchIndexRebuild;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import io.storyteller.ops.search.PendingSearchRestore;
import io.storyteller.projections.search.BeatIndexProjection;
import io.storyteller.projections.search.LoreIndexProjection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search indexes for platform admins: each search projection's processor is stopped
 * (releasing its token claims), reset to the start of the event log (its reset handler drops and
 * recreates its indexes) and started again, so it indexes every lore entry and beat anew. At
 * startup, a projection whose index this process had to create (a new mapping version, or an index
 * lost with its node) is rebuilt the same way: its processor's token may be far down the log, and
 * the new index would otherwise never hear what came before. Once a rebuilt processor has caught up
 * with the log, its projection is told, so that it settles its index (refreshed as mapped again, the
 * lore index merged). A processor that had stored no token before this start (a new installation,
 * or its tokens deleted) begins at the start of the log anyway, so its new index needs no replay:
 * a fresh data directory starts without one.
 */
@Component
class SearchIndexRebuilds implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuilds.class);

    static final List<String> GROUPS = List.of(LoreIndexProjection.GROUP, BeatIndexProjection.GROUP);
    private static final Duration CAUGHT_UP_POLL = Duration.ofMillis(500);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<LoreIndexProjection> lore;
    private final ObjectProvider<BeatIndexProjection> beats;
    private final OperatorActions actions;
    private final ObjectProvider<TokenStore> tokens;
    private final ObjectProvider<TransactionManager> transactions;
    private final ObjectProvider<PendingSearchRestore> restoredSnapshot;
    /** The groups that had stored no token when the application started: they read the log from its start. */
    private final Set<String> withoutTokens = ConcurrentHashMap.newKeySet();

    SearchIndexRebuilds(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<LoreIndexProjection> lore,
            ObjectProvider<BeatIndexProjection> beats, OperatorActions actions, ObjectProvider<TokenStore> tokens,
            ObjectProvider<TransactionManager> transactions, ObjectProvider<PendingSearchRestore> restoredSnapshot) {
        this.processing = processing;
        this.lore = lore;
        this.beats = beats;
        this.actions = actions;
        this.tokens = tokens;
        this.transactions = transactions;
        this.restoredSnapshot = restoredSnapshot;
    }

    /**
     * Before any processor starts (every singleton exists, the database is migrated, no lifecycle has
     * begun): which search groups have no stored token yet. A store that cannot be read counts as
     * having tokens, so the index is rebuilt as before.
     */
    @Override
    public void afterSingletonsInstantiated() {
        TokenStore store = tokens.getIfAvailable();
        TransactionManager transactionManager = transactions.getIfAvailable();
        if (store == null || transactionManager == null) {
            return;
        }
        for (String group : GROUPS) {
            try {
                if (transactionManager.fetchInTransaction(() -> store.fetchSegments(group)).length == 0) {
                    withoutTokens.add(group);
                }
            } catch (RuntimeException e) {
                log.warn("Could not read the tokens of {} ({}): a new index of it is rebuilt", group, e.getMessage());
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void replayIntoNewIndexes() {
        LoreIndexProjection loreProjection = lore.getIfAvailable();
        if (loreProjection != null && needsReplay(LoreIndexProjection.GROUP, loreProjection.startedOnNewIndex())) {
            log.info("The lore index is new: replaying the event log into it");
            rebuild(LoreIndexProjection.GROUP);
        }
        BeatIndexProjection beatProjection = beats.getIfAvailable();
        if (beatProjection != null && needsReplay(BeatIndexProjection.GROUP, beatProjection.startedOnNewIndex())) {
            log.info("The beat index is new: replaying the event log into it");
            rebuild(BeatIndexProjection.GROUP);
        }
    }

    /**
     * A new index needs the log replayed into it unless its processor reads the log from its start
     * anyway; so does every index when a restored backup's search snapshot could not be put back (its
     * processors' restored positions describe indexes this cluster does not hold).
     */
    private boolean needsReplay(String group, boolean startedOnNewIndex) {
        PendingSearchRestore restored = restoredSnapshot.getIfAvailable();
        if (restored != null && restored.rebuildsIndexes() && !withoutTokens.contains(group)) {
            return true;
        }
        return startedOnNewIndex && !withoutTokens.contains(group);
    }

    @CommandHandler
    SearchIndexRebuild handle(RebuildSearchIndexes command) {
        if (!AccessPolicy.hasPlatformAuthority(Require.present("actor", command.actor()))) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins rebuild the search indexes");
        }
        return actions.perform(command.actor(), "rebuildSearchIndexes", String.join(", ", GROUPS), () -> {
            GROUPS.forEach(this::rebuild);
            return new SearchIndexRebuild(GROUPS);
        }, rebuild -> "reset to the start of the log; the indexes are rebuilt as they replay", rebuild -> true);
    }

    private void rebuild(String group) {
        StreamingEventProcessor processor = processing.getObject().eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for processing group " + group));
        // resetTokens refuses a running processor: shutDown waits until its claims are released
        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            // started again even if the reset failed, so that indexing never stays stopped
            processor.start();
        }
        Runnable caughtUp = group.equals(LoreIndexProjection.GROUP)
                ? () -> lore.ifAvailable(LoreIndexProjection::replayCaughtUp)
                : () -> beats.ifAvailable(BeatIndexProjection::replayCaughtUp);
        Thread.ofVirtual().name("search-rebuild-" + group).start(() -> awaitCaughtUp(processor, caughtUp));
    }

    /**
     * Tells the projection when its processor has replayed to the head of the log. A live event would
     * tell it too, but a replay that ends on a quiet log may wait long for one.
     */
    private static void awaitCaughtUp(StreamingEventProcessor processor, Runnable caughtUp) {
        try {
            while (processor.isRunning()) {
                Thread.sleep(CAUGHT_UP_POLL.toMillis());
                var segments = processor.processingStatus().values();
                if (!segments.isEmpty() && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState())) {
                    caughtUp.run();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not settle the rebuilt index of {}: {}", processor.getName(), e.getMessage());
        }
    }
}
