package io.storyteller.command.narration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads its own writes: before the narrator reads a story's context, waits (bounded) until the read
 * models it reads from have handled the log up to the event being narrated. Otherwise a client that
 * creates a world, adds lore and acts at once would be narrated without the world or its new lore.
 */
@Component
public class ReadModelCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ReadModelCatchUp.class);

    /** The processing groups of the projections the narration context is read from. */
    static final List<String> CONTEXT_READ_MODELS = List.of("worlds", "stories");
    private static final long POLL_MILLIS = 10;

    private final Function<String, Optional<StreamingEventProcessor>> processors;
    private final Duration maxWait;

    @Autowired
    public ReadModelCatchUp(ObjectProvider<EventProcessingConfiguration> processing, NarrationProperties properties) {
        this(group -> processing.getObject().eventProcessor(group, StreamingEventProcessor.class), properties.readModelWait());
    }

    ReadModelCatchUp(Function<String, Optional<StreamingEventProcessor>> processors, Duration maxWait) {
        this.processors = processors;
        this.maxWait = maxWait;
    }

    /** For engines outside an application (unit tests): never waits. */
    static ReadModelCatchUp none() {
        return new ReadModelCatchUp(group -> Optional.empty(), Duration.ZERO);
    }

    /** Waits until the context's read models have handled the event now being handled, or gives up after the wait. */
    void awaitCurrentEvent() {
        OptionalLong position = currentEventPosition();
        if (position.isEmpty() || maxWait.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!caughtUp(position.getAsLong())) {
            if (System.nanoTime() > deadline) {
                log.warn("Read models still behind event {} after {}; narrating with what they hold", position.getAsLong(), maxWait);
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the read models", e);
            }
        }
    }

    boolean caughtUp(long position) {
        for (String group : CONTEXT_READ_MODELS) {
            Optional<StreamingEventProcessor> processor = processors.apply(group);
            if (processor.isEmpty()) {
                continue; // that read model is not built in this application: nothing to wait for
            }
            Map<Integer, EventTrackerStatus> segments = processor.get().processingStatus();
            if (segments.isEmpty() || !segments.values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= position)) {
                return false;
            }
        }
        return true;
    }

    private static OptionalLong currentEventPosition() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.getMessage())
                .filter(TrackedEventMessage.class::isInstance)
                .map(message -> ((TrackedEventMessage<?>) message).trackingToken().position())
                .filter(OptionalLong::isPresent)
                .orElse(OptionalLong.empty());
    }
}
