package io.storyteller.ops.processing;

import io.storyteller.domain.processing.EventProcessorView;
import io.storyteller.domain.processing.FindEventProcessors;
import io.storyteller.domain.processing.ProcessorSegment;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.ops.processing.ProcessorProgress.Standing;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The event processors as an operator sees them: segments and their owners, positions, lag, replay, errors, dead letters. */
@Component
class EventProcessors {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorProgress progress;
    private final TokenClaims claims;
    private final DeadLetterCounts deadLetters;

    EventProcessors(ObjectProvider<EventProcessingConfiguration> processing, ProcessorProgress progress, TokenClaims claims,
            DeadLetterCounts deadLetters) {
        this.processing = processing;
        this.progress = progress;
        this.claims = claims;
        this.deadLetters = deadLetters;
    }

    @QueryHandler
    List<EventProcessorView> handle(FindEventProcessors query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        EventProcessingConfiguration config = processing.getObject();
        long head = progress.head();
        if (query.name() != null) {
            return List.of(view(query.name(), StreamingProcessors.named(config, query.name()), head));
        }
        return config.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(entry -> view(entry.getKey(), (StreamingEventProcessor) entry.getValue(), head))
                .sorted(Comparator.comparing(EventProcessorView::name))
                .toList();
    }

    private EventProcessorView view(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        Standing standing = ProcessorProgress.standing(name, processor, head);
        List<ProcessorSegment> segments = claims.segments(name, statuses);
        // Every segment's token, not only those claimed here: right after a reset none is claimed yet,
        // and the processor is then as far behind as its slowest segment, wherever that one is processed.
        // A segment without a position has handled nothing yet (a replay from the start of the log).
        long position = segments.isEmpty() ? standing.position() : segments.stream()
                .mapToLong(segment -> Objects.requireNonNullElse(segment.position(), -1L)).min().orElse(-1);
        boolean replaying = segments.stream().anyMatch(ProcessorSegment::replaying);
        Double progress = ReplayShare.slowest(segments.stream().map(ProcessorSegment::replayProgress).toList());
        return new EventProcessorView(name, standing.running(), processor.supportsReset(), segments, position, head,
                Math.max(0, head - position), replaying, progress, standing.error(), deadLetters.sequences(name));
    }
}
