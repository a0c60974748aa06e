package io.storyteller.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final ProcessorMeters meters = new ProcessorMeters(registry);

    @Test
    void eachEventIsCountedTimedAndItsLatencyKeptUnderItsProcessorOnly() {
        MessageMonitor<Message<?>> stories = meters.monitor("stories");
        Instant published = Instant.ofEpochMilli(clock.wallTime()).minusMillis(1_500);

        MessageMonitor.MonitorCallback handled = stories.onMessageIngested(event(published));
        clock.add(20, TimeUnit.MILLISECONDS);
        handled.reportSuccess();
        stories.onMessageIngested(event(published)).reportFailure(new IllegalStateException("refused"));
        stories.onMessageIngested(event(published)).reportIgnored();

        assertThat(count("ingestedCounter")).isEqualTo(3);
        assertThat(count("successCounter")).isEqualTo(1);
        assertThat(count("failureCounter")).isEqualTo(1);
        assertThat(count("processedCounter")).isEqualTo(2);
        assertThat(count("ignoredCounter")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").tag("processorName", "stories").timer().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.latency").tag("processorName", "stories").gauge().value()).isEqualTo(1_520);
        assertThat(registry.get("eventProcessor.ingestedCounter").meters()).as("one series per processor, no payload type")
                .hasSize(1).allSatisfy(meter -> assertThat(meter.getId().getTags()).hasSize(1));
    }

    @Test
    void theSameProcessorGetsTheSameMonitorSoItsGaugesFollowIt() {
        assertThat(meters.monitor("worlds")).isSameAs(meters.monitor("worlds")).isNotSameAs(meters.monitor("stories"));
    }

    @Test
    void capacityIsTheShareOfTheLastTenSecondsSpentHandling() {
        MessageMonitor<Message<?>> spend = meters.monitor("spend");
        for (int i = 0; i < 4; i++) {
            MessageMonitor.MonitorCallback handled = spend.onMessageIngested(event(Instant.now()));
            clock.add(500, TimeUnit.MILLISECONDS); // busy half a second
            handled.reportSuccess();
            clock.add(500, TimeUnit.MILLISECONDS); // idle half a second
        }
        assertThat(capacity("spend")).isCloseTo(0.2, within(1e-9)); // 2 s busy in a 10 s window

        clock.add(11, TimeUnit.SECONDS);
        assertThat(capacity("spend")).as("the window moved past it").isZero();
    }

    @Test
    void busyTimeOfASecondLongGoneGivesWayToTheNewOne() {
        ProcessorMeters.BusyShare share = new ProcessorMeters.BusyShare(10);
        long second = TimeUnit.SECONDS.toNanos(1);
        share.add(3 * second, second / 2);
        share.add(13 * second, second / 4); // the same bucket, ten seconds on
        assertThat(share.share(13 * second)).isCloseTo(0.025, within(1e-9));
    }

    private double count(String counter) {
        return registry.get("eventProcessor." + counter).tag("processorName", "stories").counter().count();
    }

    private double capacity(String processor) {
        return registry.get("eventProcessor.capacity").tag("processorName", processor).gauge().value();
    }

    private static GenericEventMessage<String> event(Instant at) {
        return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), "event", java.util.Map.of(), at);
    }
}
