package io.storyteller.command.discovery;

import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.FindDiscoveryRuns;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.ScanProviders;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Scans every configured provider's catalogue, one provider after the other, on its own thread:
 * on a schedule ({@code storyteller.discovery.*}) and on demand ({@link ScanProviders}, which
 * waits for its scan). Scans never overlap. The latest runs are kept in memory for
 * {@link FindDiscoveryRuns}; the registry itself keeps what they found.
 */
public class ModelDiscovery implements SmartLifecycle, AutoCloseable {

    static final int RUNS_KEPT = 20;
    private static final Duration ON_DEMAND_TIMEOUT = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(ModelDiscovery.class);

    private final List<ModelCatalogue> catalogues;
    private final ProviderScanner scanner;
    private final DiscoveryProperties properties;
    private final Clock clock;
    private final Deque<DiscoveryReport> runs = new ArrayDeque<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "model-discovery");
        worker.setDaemon(true);
        return worker;
    });
    private volatile ScheduledFuture<?> schedule;

    ModelDiscovery(List<ModelCatalogue> catalogues, ProviderScanner scanner, DiscoveryProperties properties, Clock clock) {
        this.catalogues = List.copyOf(catalogues);
        this.scanner = scanner;
        this.properties = properties;
        this.clock = clock;
    }

    @CommandHandler
    public DiscoveryReport handle(ScanProviders command) {
        Actor actor = ModelAuthority.require(command.actor());
        Future<DiscoveryReport> run = thread.submit(() -> scan(actor.userId()));
        try {
            return run.get(ON_DEMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the discovery scan failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the discovery scan did not finish within " + ON_DEMAND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the discovery scan", e);
        }
    }

    @QueryHandler
    public List<DiscoveryReport> handle(FindDiscoveryRuns query) {
        Actor viewer = query.viewer();
        if (!AccessPolicy.managesModels(viewer)) {
            return List.of();
        }
        synchronized (runs) {
            return runs.stream().limit(Math.max(0, query.limit())).toList();
        }
    }

    /** One run over every configured provider; a failing provider is reported and the others still scanned. */
    DiscoveryReport scan(String requestedBy) {
        Instant started = clock.instant();
        List<ProviderScan> scans = new ArrayList<>();
        for (ModelCatalogue catalogue : catalogues) {
            scans.add(scanner.scan(catalogue));
        }
        DiscoveryReport report = new DiscoveryReport(started, clock.instant(), requestedBy, scans);
        synchronized (runs) {
            runs.addFirst(report);
            while (runs.size() > RUNS_KEPT) {
                runs.removeLast();
            }
        }
        return report;
    }

    /** A scheduled run must never throw: that would cancel every later one. */
    private void scheduledScan() {
        try {
            scan(Actor.system().userId());
        } catch (RuntimeException e) {
            log.warn("Model discovery run failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        if (!properties.enabled() || schedule != null) {
            return;
        }
        if (catalogues.isEmpty()) {
            log.info("Model discovery: no provider endpoint configured (storyteller.providers.*, spring.ai.openai, spring.ai.anthropic or spring.ai.ollama)");
            return;
        }
        log.info("Model discovery: scanning {} every {}, first in {}",
                catalogues.stream().map(ModelCatalogue::provider).toList(), properties.interval(), properties.initialDelay());
        schedule = thread.scheduleWithFixedDelay(this::scheduledScan, properties.initialDelay().toMillis(),
                properties.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    @Override
    public void close() {
        stop();
        thread.shutdownNow();
    }
}
