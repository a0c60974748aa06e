package io.storyteller.ops.instances;

import io.storyteller.ops.instances.InstanceRegistry.Claims;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares the event processors' segments among the instances on one database. A streaming processor
 * claims every segment it can, so the first instance to start would keep them all and the others
 * would idle. Here each instance writes its heartbeat (with the processors it runs) and, every
 * {@code balance-every}, compares what it claims of each processor with its fair share among the
 * live instances running that processor ({@link SegmentShare}); segments above the share are
 * released (Axon's {@code releaseSegment}) for {@code release-for}, long enough for an instance
 * short of its share to claim them. When an instance stops, its claims are released with it and the
 * others take them over at their next claim.
 */
public final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final InstanceRegistry registry;
    private final EventProcessingConfiguration processing;
    private final InstancesProperties settings;
    private final Peers peers;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private final AtomicLong released = new AtomicLong();

    SegmentBalancer(InstanceRegistry registry, EventProcessingConfiguration processing, InstancesProperties settings,
            Peers peers) {
        this.registry = registry;
        this.processing = processing;
        this.settings = settings;
        this.peers = peers;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("segment-balancer").factory());
        beat(); // before this instance serves: it knows at once whether others are alive
        scheduler.scheduleWithFixedDelay(this::beat, settings.heartbeat().toMillis(), settings.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::balance, settings.balanceEvery().toMillis(),
                settings.balanceEvery().toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            registry.leave();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance from processing_instances: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Segments this instance has given up for others since it started. */
    public long released() {
        return released.get();
    }

    /** Stops before the event processors do (and the others stop counting it), starts after them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private Map<String, StreamingEventProcessor> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor p && p.isRunning())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (StreamingEventProcessor) e.getValue()));
    }

    void beat() {
        try {
            registry.beat(processors().keySet());
            peers.seen(registry.live().size());
        } catch (RuntimeException e) {
            log.warn("Heartbeat of instance {} failed: {}", registry.me(), e.toString());
        }
    }

    /** One comparison of every running processor's claims with this instance's share. */
    void balance() {
        try {
            Map<String, Set<String>> live = registry.live();
            if (live.size() < 2) {
                return;
            }
            processors().forEach((name, processor) -> {
                Set<String> running = live.entrySet().stream().filter(e -> e.getValue().contains(name))
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                Claims claims = registry.claims(name);
                int release = SegmentShare.toRelease(registry.me(), claims.segments(), claims.byOwner(), running);
                if (release > 0) {
                    List<Integer> mine = processor.processingStatus().keySet().stream()
                            .sorted(Comparator.reverseOrder()).limit(release).toList();
                    mine.forEach(segment -> processor.releaseSegment(segment, settings.releaseFor().toMillis(),
                            TimeUnit.MILLISECONDS));
                    released.addAndGet(mine.size());
                    log.info("Released segments {} of {} for the other instances ({} running it, {} segments)",
                            mine, name, running.size(), claims.segments());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Balancing segments on instance {} failed: {}", registry.me(), e.toString());
        }
    }
}
