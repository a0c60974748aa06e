package io.storyteller.command.housemodel.corpus;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
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

    /** How long to wait for the next event before the head is reached (e.g. across a gap in the log). */
    private static final int READ_WAIT_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(CorpusReader.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final EventCorpus corpus;
    private TrackingToken lastToken;
    private long firstIndex = -1;
    private long lastIndex = -1;

    public CorpusReader(StreamableMessageSource<TrackedEventMessage<?>> eventLog, boolean includeHouseNarrations) {
        this.events = eventLog;
        this.corpus = new EventCorpus(includeHouseNarrations);
    }

    /** Reads the events appended since the last refresh, up to the head of the log as it is now. */
    public synchronized void refresh() {
        TrackingToken head = events.createHeadToken();
        if (head == null) {
            return; // an empty log
        }
        long headIndex = head.position().orElse(Long.MAX_VALUE);
        if (lastToken != null && lastIndex >= headIndex) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(lastToken)) {
            while (lastIndex < headIndex && stream.hasNextAvailable(READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
                read(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event log", e);
        }
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
                log.warn("House model corpus skips event {} at index {}: {}", event.getIdentifier(), lastIndex, e.toString());
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
