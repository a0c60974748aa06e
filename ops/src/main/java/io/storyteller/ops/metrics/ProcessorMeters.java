package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The event processors' meters, each registered once per processor. Axon's own monitors for
 * processors looked their nine meters up in the registry for every event, by processor and payload
 * type, and registered their latency and capacity gauges again each time: a third of the CPU a
 * rebuild of every read model took went there. These keep the meters the README documents, with the
 * processor as their only tag:
 * <ul>
 *     <li>{@code eventProcessor.latency} (ms): how long ago the event last taken was published;</li>
 *     <li>{@code eventProcessor.capacity}: the share of the last {@value #WINDOW_SECONDS} s the
 *     processor's threads spent handling events (1 is one thread busy all the time);</li>
 *     <li>{@code eventProcessor.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 *     {@code .ignoredCounter} (events no handler of the processor takes) and {@code .processedCounter}
 *     (success and failure);</li>
 *     <li>{@code eventProcessor.allTimer}: the time each handled event took.</li>
 * </ul>
 * Commands, queries and the event store keep Axon's monitors. Off with Axon's metrics
 * ({@code axon.metrics.auto-configuration.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "axon.metrics.auto-configuration.enabled", havingValue = "true", matchIfMissing = true)
class ProcessorMeters implements ConfigurerModule {

    static final String PREFIX = "eventProcessor";
    static final int WINDOW_SECONDS = 10;

    private final MeterRegistry registry;
    private final Map<String, Monitor> monitors = new ConcurrentHashMap<>();

    ProcessorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        // a factory for the processors' type wins over Axon's factory for every component
        configurer.configureMessageMonitor(EventProcessor.class, (configuration, componentType, name) -> monitor(name));
    }

    /** The processor's monitor; asked again for the same processor, the same one (its gauges hold its state). */
    MessageMonitor<Message<?>> monitor(String processor) {
        return monitors.computeIfAbsent(processor, name -> new Monitor(name, registry));
    }

    private static final class Monitor implements MessageMonitor<Message<?>> {

        private final Clock clock;
        private final Counter ingested;
        private final Counter success;
        private final Counter failure;
        private final Counter ignored;
        private final Counter processed;
        private final Timer handling;
        /** How long before it was taken the event last taken was published. */
        private volatile long latencyMillis;
        private final BusyShare busy;

        Monitor(String processor, MeterRegistry registry) {
            Tags tags = Tags.of("processorName", processor);
            this.clock = registry.config().clock();
            this.ingested = registry.counter(PREFIX + ".ingestedCounter", tags);
            this.success = registry.counter(PREFIX + ".successCounter", tags);
            this.failure = registry.counter(PREFIX + ".failureCounter", tags);
            this.ignored = registry.counter(PREFIX + ".ignoredCounter", tags);
            this.processed = registry.counter(PREFIX + ".processedCounter", tags);
            this.handling = Timer.builder(PREFIX + ".allTimer").tags(tags).register(registry);
            this.busy = new BusyShare(WINDOW_SECONDS);
            Gauge.builder(PREFIX + ".latency", this, monitor -> monitor.latencyMillis).tags(tags).register(registry);
            Gauge.builder(PREFIX + ".capacity", busy, share -> share.share(clock.monotonicTime()))
                    .tags(tags).register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            ingested.increment();
            if (message instanceof EventMessage<?> event) {
                latencyMillis = clock.wallTime() - event.getTimestamp().toEpochMilli();
            }
            long start = clock.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    handled(success);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    handled(failure);
                }

                @Override
                public void reportIgnored() {
                    ignored.increment();
                }

                private void handled(Counter outcome) {
                    long end = clock.monotonicTime();
                    outcome.increment();
                    processed.increment();
                    handling.record(end - start, TimeUnit.NANOSECONDS);
                    busy.add(end, end - start);
                }
            };
        }
    }

    /**
     * Busy time in one-second buckets over a window of whole seconds, and its share of the window.
     * A bucket is taken over by a later second when the window has moved past it (time added by
     * another thread in the instant it is taken over may be lost: a gauge's approximation).
     */
    static final class BusyShare {

        private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

        private final int seconds;
        private final AtomicLongArray bucketSecond;
        private final LongAdder[] busyNanos;

        BusyShare(int seconds) {
            this.seconds = seconds;
            this.bucketSecond = new AtomicLongArray(seconds);
            this.busyNanos = new LongAdder[seconds];
            for (int i = 0; i < seconds; i++) {
                busyNanos[i] = new LongAdder();
                bucketSecond.set(i, Long.MIN_VALUE);
            }
        }

        /** Adds busy time that ended at {@code nowNanos} (a monotonic clock). */
        void add(long nowNanos, long nanos) {
            long second = Math.floorDiv(nowNanos, SECOND);
            int slot = (int) Math.floorMod(second, (long) seconds);
            long held = bucketSecond.get(slot);
            if (held < second && bucketSecond.compareAndSet(slot, held, second)) {
                busyNanos[slot].reset(); // the bucket's old second left the window
            }
            if (bucketSecond.get(slot) == second) {
                busyNanos[slot].add(nanos);
            }
        }

        /** The busy share of the window that ends at {@code nowNanos}. */
        double share(long nowNanos) {
            long second = Math.floorDiv(nowNanos, SECOND);
            long busy = 0;
            for (int slot = 0; slot < seconds; slot++) {
                long held = bucketSecond.get(slot);
                if (held > second - seconds && held <= second) {
                    busy += busyNanos[slot].sum();
                }
            }
            return (double) busy / (seconds * SECOND);
        }
    }
}
