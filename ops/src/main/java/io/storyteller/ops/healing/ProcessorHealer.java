package io.storyteller.ops.healing;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.ops.processing.ProcessorHolds;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Restarts this instance's streaming processors that {@link ProcessorWatch} finds stuck: shut down
 * (releasing their segment claims) and started again, which makes them claim their segments anew
 * and take up from their tokens. Each restart is recorded, with whether the processor runs after it.
 */
public class ProcessorHealer {

    private static final Logger log = LoggerFactory.getLogger(ProcessorHealer.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProcessorHolds holds;
    private final HealingActions actions;
    private final ProcessorWatch watch;
    private final HealingProperties.Processors settings;
    private final Clock clock;
    private volatile boolean closing;

    ProcessorHealer(ObjectProvider<EventProcessingConfiguration> processing, ProcessorHolds holds, HealingActions actions,
            HealingProperties.Processors settings, Clock clock) {
        this.processing = processing;
        this.holds = holds;
        this.actions = actions;
        this.settings = settings;
        this.watch = new ProcessorWatch(settings.stuckAfter(), settings.backoff());
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${storyteller.healing.processors.check-every:15s}",
            fixedDelayString = "${storyteller.healing.processors.check-every:15s}")
    public synchronized void heal() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null || closing) {
            return;
        }
        Map<String, EventProcessor> processors = config.eventProcessors();
        List<StreamingEventProcessor> streaming = processors.values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        Instant now = clock.instant();
        List<String> stuck = watch.toRestart(streaming.stream()
                .map(p -> new ProcessorWatch.Seen(p.getName(), p.isRunning(), p.isError())).toList(), holds.held(), now);
        streaming.stream().filter(p -> stuck.contains(p.getName())).forEach(p -> restart(p, now));
    }

    /** Axon stops every processor on shutdown: none of them is stuck. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    private void restart(StreamingEventProcessor processor, Instant now) {
        String name = processor.getName();
        String was = processor.isError() ? "in error" : "stopped";
        watch.restarted(name, now);
        int restarts = watch.restarts(name);
        String next = "; next restart no sooner than in "
                + settings.backoff().after(restarts - 1).toString().substring(2).toLowerCase();
        try {
            processor.shutDown();
            processor.start();
        } catch (RuntimeException e) {
            log.warn("Restarting event processor {} failed: {}", name, e.toString());
            actions.record(HealingKind.PROCESSOR_RESTART, name, "was " + was + " for over " + describe() + "; restart "
                    + restarts + " failed: " + e.getClass().getSimpleName() + next, HealingOutcome.FAILED, 1);
            return;
        }
        boolean runs = processor.isRunning() && !processor.isError();
        log.info("Event processor {} was {} for over {}: restarted ({})", name, was, describe(), runs ? "running" : "not running");
        actions.record(HealingKind.PROCESSOR_RESTART, name, "was " + was + " for over " + describe() + "; restart "
                + restarts + (runs ? ": running again" : ": still not running" + next),
                runs ? HealingOutcome.HEALED : HealingOutcome.FAILED, 1);
    }

    private String describe() {
        return settings.stuckAfter().toString().substring(2).toLowerCase();
    }
}
