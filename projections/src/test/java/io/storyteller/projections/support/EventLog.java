package io.storyteller.projections.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * An in-memory event log that feeds event handler objects the way a streaming processor does:
 * as domain event messages with aggregate sequence numbers, timestamps and tracking tokens,
 * through Axon's own annotation adapter (so {@code @Timestamp}, {@code @SequenceNumber},
 * {@code ReplayStatus} and {@code @ResetHandler} are resolved for real).
 */
public final class EventLog {

    /** The first event's timestamp; each later event is one second later. */
    public static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private int delivered;

    public EventLog world(String worldId, Object... payloads) {
        return append("World", worldId, payloads);
    }

    public EventLog story(String storyId, Object... payloads) {
        return append("Story", storyId, payloads);
    }

    public EventLog model(String modelId, Object... payloads) {
        return append("Model", modelId, payloads);
    }

    public EventLog deployment(String deploymentId, Object... payloads) {
        return append("Deployment", deploymentId, payloads);
    }

    public EventLog globalBudget(Object... payloads) {
        return append("GlobalBudget", "global", payloads);
    }

    public EventLog acquisition(String acquisitionId, Object... payloads) {
        return append("Acquisition", acquisitionId, payloads);
    }

    public EventLog fineTuning(String fineTuningId, Object... payloads) {
        return append("FineTuning", fineTuningId, payloads);
    }

    public EventLog operatorAction(String actionId, Object... payloads) {
        return append("OperatorAction", actionId, payloads);
    }

    public EventLog healingAction(String actionId, Object... payloads) {
        return append("HealingAction", actionId, payloads);
    }

    /** When the event at {@code index} (0-based, in log order) happened. */
    public static Instant timeOf(int index) {
        return START.plusSeconds(index);
    }

    /** When the last appended event happened. */
    public Instant lastTime() {
        return timeOf(events.size() - 1);
    }

    public int size() {
        return events.size();
    }

    /** Delivers the events appended since the last delivery, as live events. */
    public void deliver(Object... handlers) {
        dispatch(delivered, false, handlers);
        delivered = events.size();
    }

    /** Delivers every event once more, as a processor does after a failed batch. */
    public void redeliverAll(Object... handlers) {
        dispatch(0, false, handlers);
        delivered = events.size();
    }

    /** Resets the handlers and replays the whole log to them, as after a processor reset. */
    public void replay(Object... handlers) {
        for (Object handler : handlers) {
            new AnnotationEventHandlerAdapter(handler).prepareReset();
        }
        dispatch(0, true, handlers);
        delivered = events.size();
    }

    /**
     * Resets the handlers and replays the whole log to them in batches of {@code batchSize}, each in
     * one batching unit of work as a pooled processor runs it (what it collects is written when the
     * batch commits). Stops at the first batch that fails, with its cause.
     */
    public void replayInBatches(TransactionManager transactions, int batchSize, Object... handlers) {
        for (Object handler : handlers) {
            new AnnotationEventHandlerAdapter(handler).prepareReset();
        }
        replayBatchesFrom(transactions, 0, batchSize, handlers);
    }

    /** Replays from {@code from} on, in batches, without a reset: the retry of a failed batch. */
    public void replayBatchesFrom(TransactionManager transactions, int from, int batchSize, Object... handlers) {
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (Object handler : handlers) {
            adapters.add(new AnnotationEventHandlerAdapter(handler));
        }
        TrackingToken resetAt = new GlobalSequenceTrackingToken(events.size());
        for (int start = from; start < events.size(); start += batchSize) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int index = start; index < Math.min(events.size(), start + batchSize); index++) {
                TrackingToken token = new ReplayToken(resetAt, new GlobalSequenceTrackingToken(index));
                batch.add(new GenericTrackedDomainEventMessage<>(token, events.get(index)));
            }
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result;
            try {
                result = unitOfWork.executeWithResult(() -> {
                    EventMessage<?> message = unitOfWork.getMessage();
                    for (AnnotationEventHandlerAdapter adapter : adapters) {
                        if (adapter.canHandle(message)) {
                            adapter.handle(message);
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                throw new IllegalStateException("the batch from event " + start + " failed", e);
            }
            if (result.isExceptional()) {
                throw new IllegalStateException("the batch from event " + start + " failed", result.exceptionResult());
            }
        }
        delivered = events.size();
    }

    private EventLog append(String type, String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            int index = events.size();
            events.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(),
                    "event-" + index, timeOf(index)));
        }
        return this;
    }

    private void dispatch(int from, boolean replay, Object... handlers) {
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (Object handler : handlers) {
            adapters.add(new AnnotationEventHandlerAdapter(handler));
        }
        TrackingToken resetAt = new GlobalSequenceTrackingToken(events.size());
        for (int index = from; index < events.size(); index++) {
            TrackingToken position = new GlobalSequenceTrackingToken(index);
            // during a replay Axon wraps the position in a ReplayToken: that is what ReplayStatus reads
            TrackingToken token = replay ? new ReplayToken(resetAt, position) : position;
            EventMessage<?> tracked = new GenericTrackedDomainEventMessage<>(token, events.get(index));
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(tracked)) {
                    handle(adapter, tracked);
                }
            }
        }
    }

    private static void handle(AnnotationEventHandlerAdapter adapter, EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("handler failed on " + message.getPayloadType().getSimpleName(), e);
        }
    }
}
