package io.storyteller.command.housemodel.corpus;

import io.storyteller.command.eventlog.EventLogReader;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the house models' training corpus from the event log. The log is read once from the
 * start, then on each {@link #refresh()} only from where the last read stopped up to the current
 * head, folding every text-bearing event into an {@link EventCorpus} kept in memory.
 * <p>
 * The corpus is the platform's history as it now stands, narrations by the house models included;
 * with {@code includeHouseNarrations} off, a narration whose provenance names a {@code house:} model
 * is left out (unless a person has since edited it), so that a model does not learn from its own output.
 */
public final class CorpusReader {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);

    private final EventLogReader log;
    private final EventCorpus corpus;
    private TrackingToken lastToken;
    private long firstIndex = -1;
    private long lastIndex = -1;

    public CorpusReader(StreamableMessageSource<TrackedEventMessage<?>> eventLog, boolean includeHouseNarrations) {
        this.log = new EventLogReader(eventLog);
        this.corpus = new EventCorpus(includeHouseNarrations);
    }

    /** Reads the events appended since the last refresh, up to the head of the log as it is now. */
    public synchronized void refresh() {
        OptionalLong head = log.head();
        if (head.isEmpty() || lastToken != null && lastIndex >= head.getAsLong()) {
            return; // an empty log, or nothing new
        }
        log.read(lastToken, head.getAsLong(), this::read);
    }

    private void read(TrackedEventMessage<?> event) {
        lastToken = event.trackingToken();
        lastIndex = lastToken.position().orElse(lastIndex + 1);
        if (firstIndex < 0) {
            firstIndex = lastIndex;
        }
        if (EventCorpus.folds(event.getPayloadType())) {
            try {
                corpus.apply(event.getPayload(), lastIndex);
            } catch (RuntimeException e) {
                // One unreadable event costs the corpus one text, not every future training.
                LOG.warn("House model corpus skips event {} at index {}: {}", event.getIdentifier(), lastIndex, e.toString());
            }
        }
    }

    /** The world's corpus as of the last refresh (empty for a world never seen). */
    public synchronized WorldCorpus world(String worldId) {
        return corpus.world(worldId, range());
    }

    /** All worlds' active lore as of the last refresh, keyed {@link WorldCorpus#PLATFORM}. */
    public synchronized WorldCorpus platform() {
        return corpus.allLore(WorldCorpus.PLATFORM, range());
    }

    /** Every world that appeared in the log so far. */
    public synchronized Set<String> worlds() {
        return corpus.worlds();
    }

    public synchronized Optional<String> worldOfStory(String storyId) {
        return corpus.worldOfStory(storyId);
    }

    /** Whether any event has been read. */
    public synchronized boolean isEmpty() {
        return lastToken == null;
    }

    private CorpusRange range() {
        return new CorpusRange(firstIndex, lastIndex);
    }
}
