package io.storyteller.command.narration;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Whether the narration engine of this node will narrate a story's next turn: its processor runs
 * here and holds the segment the story's events fall in (a story's events are one sequence, keyed
 * by the story's id). Beside other instances each narrates the segments it claimed, and a turn's
 * work begun ahead of time on any other node is done for nothing.
 */
public final class LocalNarration implements Predicate<String> {

    private final Supplier<Optional<StreamingEventProcessor>> processor;

    /** @param processor the narration engine's processor, looked up when asked (it is built after the beans) */
    public LocalNarration(Supplier<Optional<StreamingEventProcessor>> processor) {
        this.processor = processor;
    }

    @Override
    public boolean test(String storyId) {
        return processor.get()
                .filter(StreamingEventProcessor::isRunning)
                .map(running -> running.processingStatus().values().stream()
                        .anyMatch(status -> status.getSegment().matches(storyId)))
                .orElse(false);
    }
}
