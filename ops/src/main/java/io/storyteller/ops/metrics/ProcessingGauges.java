package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.storyteller.ops.processing.DeadLetterCounts;
import io.storyteller.ops.processing.ProcessorProgress;
import io.storyteller.ops.processing.ProcessorProgress.Standing;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges per streaming processor beside Axon's own latency and message meters: how far behind the
 * head of the log it is, how many segments this instance claims, how many are in error, and how
 * many sequences wait in its dead-letter queue. Registered once the processors exist (ready).
 * Tagged {@code processorName} like Axon's meters, so that queries can join them (a processor here
 * is named after its processing group).
 */
@Component
class ProcessingGauges {

    private static final Logger log = LoggerFactory.getLogger(ProcessingGauges.class);

    private static final long FRESH_FOR_NANOS = 2_000_000_000L;

    private final MeterRegistry registry;
    private final ProcessorProgress progress;
    private final DeadLetterCounts deadLetters;
    private final Set<String> registered = new HashSet<>();
    private List<Standing> standings = List.of();
    private long readAtNanos;

    ProcessingGauges(MeterRegistry registry, ProcessorProgress progress, DeadLetterCounts deadLetters) {
        this.registry = registry;
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void register() {
        for (Standing standing : progress.standings()) {
            String group = standing.name();
            if (!registered.add(group)) {
                continue;
            }
            gauge("storyteller.processor.lag", "Events between the processor's lowest claimed position and the head",
                    group, s -> s.lag());
            gauge("storyteller.processor.segments.claimed", "Segments this instance processes", group,
                    s -> s.claimedSegments());
            gauge("storyteller.processor.segments.error", "Claimed segments in error", group, s -> s.errorSegments());
            Gauge.builder("storyteller.dead.letters", deadLetters, counts -> sequences(counts, group))
                    .description("Sequences parked in the processing group's dead-letter queue")
                    .tag("processorName", group)
                    .register(registry);
        }
    }

    private void gauge(String name, String description, String group, ToDoubleFunction<Standing> value) {
        Gauge.builder(name, this, gauges -> gauges.standings().stream().filter(s -> s.name().equals(group))
                        .findFirst().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .tag("processorName", group)
                .register(registry);
    }

    /** One reading of the head and the trackers serves every gauge of a scrape. */
    private synchronized List<Standing> standings() {
        long now = System.nanoTime();
        if (standings.isEmpty() || now - readAtNanos > FRESH_FOR_NANOS) {
            standings = progress.standings();
            readAtNanos = now;
        }
        return standings;
    }

    private static double sequences(DeadLetterCounts counts, String group) {
        try {
            return counts.sequences(group);
        } catch (RuntimeException e) {
            log.debug("Dead letters of {} not counted: {}", group, e.toString());
            return Double.NaN;
        }
    }
}
