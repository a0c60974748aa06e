package io.storyteller.ops.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** The application's event processors, as the benchmark stops, moves and watches them. */
final class Processors {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;

    Processors(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore,
               TransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
    }

    StreamingEventProcessor named(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow(
                () -> new IllegalStateException("no streaming event processor '" + group + "'"));
    }

    /** Every streaming processor that is running (one shut down, as the narration engine here, is left out). */
    List<StreamingEventProcessor> running() {
        return processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor streaming && streaming.isRunning())
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** The global index of the last event in the log. */
    long headIndex() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    /**
     * Moves a shut-down processor's tokens to the head of the log, so that it skips every event
     * written so far. The narration engine's handlers disallow replays, so {@code resetTokens}
     * refuses; the tokens are stored directly instead, as the processor itself would.
     */
    void moveToHead(StreamingEventProcessor processor) {
        TrackingToken head = eventStore.createHeadToken();
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                tokenStore.storeToken(head, processor.getName(), segment);
                tokenStore.releaseClaim(processor.getName(), segment);
            }
        });
    }

    /**
     * Waits until every segment of the processor has handled the log up to {@code head}; returns
     * the number of segments ({@code expectedSegments} 0 accepts any). A replaying segment keeps
     * its replay flag until an event past the reset position arrives, so the flag does not tell
     * that it caught up: its position does.
     */
    static int awaitAtHead(StreamingEventProcessor processor, long head, int expectedSegments, Duration limit) {
        AtomicInteger segments = new AtomicInteger();
        try {
            Awaitility.await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                        segments.set(status.size());
                        return !status.isEmpty()
                                && (expectedSegments == 0 || status.size() == expectedSegments)
                                && status.values().stream().allMatch(s -> !s.isErrorState()
                                        && s.getCurrentPosition().orElse(-1) >= head);
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("processor '" + processor.getName() + "' did not reach head " + head
                    + " within " + limit + ": " + processor.processingStatus(), e);
        }
        return segments.get();
    }
}
