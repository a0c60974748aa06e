package io.storyteller.ops;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;

/**
 * Event handlers for the tests, added to a context explicitly (no stereotype, so the application's
 * component scan of {@code io.storyteller} never picks them up by itself).
 */
class TestEventHandlers {

    static final String GROUP = "ops-test";
    static final String POISON = "poison";

    @Bean
    RecordingHandler recordingHandler() {
        return new RecordingHandler();
    }

    @Bean
    UngroupedHandler ungroupedHandler() {
        return new UngroupedHandler();
    }

    @ProcessingGroup(GROUP)
    static class RecordingHandler {

        final List<StoryBeatRecorded> received = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(StoryBeatRecorded event) {
            if (POISON.equals(event.text())) {
                throw new IllegalStateException("cannot handle " + event);
            }
            received.add(event);
        }
    }

    static class UngroupedHandler {

        @EventHandler
        void on(StoryBeatRecorded event) {
            // only here to form a processing group without a name
        }
    }
}
