package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.eventlog.EventLogReader;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ClassifierCorpus} up to date with the event log: read once from the start, then on
 * each {@link #refresh()} only from where the last read stopped, up to the head as it is now.
 */
public final class ClassifierCorpusReader {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierCorpusReader.class);

    private final EventLogReader log;
    private final ClassifierCorpus corpus = new ClassifierCorpus();
    private TrackingToken lastToken;
    private long firstIndex = -1;
    private long lastIndex = -1;

    public ClassifierCorpusReader(StreamableMessageSource<TrackedEventMessage<?>> eventLog) {
        this.log = new EventLogReader(eventLog);
    }

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
        if (ClassifierCorpus.folds(event.getPayloadType())) {
            try {
                corpus.apply(event.getPayload(), lastIndex);
            } catch (RuntimeException e) {
                LOG.warn("House classifier corpus skips event {} at index {}: {}", event.getIdentifier(), lastIndex, e.toString());
            }
        }
    }

    public synchronized CorpusRange range() {
        return new CorpusRange(firstIndex, lastIndex);
    }

    public synchronized List<LabelledText> flags() {
        return corpus.flags();
    }

    public synchronized int flagsSince(long index) {
        return corpus.flagsSince(index);
    }

    public synchronized int textsSince(long index) {
        return corpus.textsSince(index);
    }

    public synchronized int ratingsSince(long index) {
        return corpus.ratingsSince(index);
    }

    public synchronized List<LabelledText> reviewerExamples() {
        return corpus.reviewerExamples();
    }

    public synchronized List<LabelledText> detectorTexts(int perLabel) {
        return corpus.detectorTexts(perLabel);
    }
}
