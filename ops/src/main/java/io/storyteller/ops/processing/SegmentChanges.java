package io.storyteller.ops.processing;

import io.storyteller.domain.processing.MergeSegment;
import io.storyteller.domain.processing.ProcessorSegment;
import io.storyteller.domain.processing.SegmentChange;
import io.storyteller.domain.processing.SplitSegment;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Splits and merges segments of a streaming processor for platform admins, through Axon's own
 * {@code splitSegment} / {@code mergeSegment}: the processor claims what it needs (a segment held
 * by another node is not split here; the answer then says it did not succeed).
 */
@Component
class SegmentChanges {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenClaims claims;
    private final OperatorActions actions;

    SegmentChanges(ObjectProvider<EventProcessingConfiguration> processing, TokenClaims claims, OperatorActions actions) {
        this.processing = processing;
        this.claims = claims;
        this.actions = actions;
    }

    @CommandHandler
    SegmentChange handle(SplitSegment command) {
        return change(command.actor(), command.name(), command.segmentId(), "SPLIT",
                processor -> processor.splitSegment(command.segmentId()));
    }

    @CommandHandler
    SegmentChange handle(MergeSegment command) {
        return change(command.actor(), command.name(), command.segmentId(), "MERGE",
                processor -> processor.mergeSegment(command.segmentId()));
    }

    private SegmentChange change(Actor requester, String processorName, int segmentId, String change,
            Function<StreamingEventProcessor, CompletableFuture<Boolean>> operation) {
        Actor actor = StreamingProcessors.operator(requester, "split and merge segments");
        StreamingEventProcessor processor = StreamingProcessors.named(processing.getObject(), processorName);
        String name = processor.getName();
        List<ProcessorSegment> before = claims.segments(name, processor.processingStatus());
        if (before.stream().noneMatch(segment -> segment.segmentId() == segmentId)) {
            throw DomainRejection.notFound("segmentId", "event processor " + name + " has no segment " + segmentId);
        }
        if (change.equals("MERGE") && before.size() < 2) {
            throw DomainRejection.conflict("segmentId", "has-sibling", "event processor " + name + " has a single segment: nothing to merge");
        }
        String verb = change.equals("SPLIT") ? "split" : "merged";
        return actions.perform(actor, change.equals("SPLIT") ? "splitSegment" : "mergeSegment", name + " segment " + segmentId,
                () -> {
                    boolean done = await(operation.apply(processor));
                    return new SegmentChange(name, segmentId, change, done, claims.segments(name, processor.processingStatus()));
                },
                result -> (result.succeeded() ? verb : "not " + verb + " (the processor did not carry it out)")
                        + "; segments now " + result.segments().stream().map(s -> s.segmentId() + "/" + s.mask()).toList(),
                SegmentChange::succeeded);
    }

    private static boolean await(CompletableFuture<Boolean> outcome) {
        try {
            return Boolean.TRUE.equals(outcome.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the segment changed", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
