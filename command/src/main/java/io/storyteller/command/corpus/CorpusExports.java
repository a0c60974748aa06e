package io.storyteller.command.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.domain.corpus.CorpusExportStatus;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.corpus.ExportCorpus;
import io.storyteller.domain.corpus.FindCorpusExports;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corpus exports asked for through the API: each runs in the background, one at a time, into
 * {@code <data-dir>/corpora/<id>/}; its status is kept beside it in {@code <id>.json}, so the list
 * survives restarts. An export the application stopped in the middle of reads as failed.
 */
public class CorpusExports implements AutoCloseable {

    static final int MAX_LISTED = 100;
    private static final Logger log = LoggerFactory.getLogger(CorpusExports.class);

    private final CorpusExporter exporter;
    private final Path dataDirectory;
    private final Path corpora;
    private final Clock clock;
    private final ObjectMapper json = CorpusExporter.mapper();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(BackgroundThreads.named("corpus-export"));

    CorpusExports(CorpusExporter exporter, Path dataDirectory, Clock clock) {
        this.exporter = exporter;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.corpora = this.dataDirectory.resolve("corpora");
        this.clock = clock;
    }

    @CommandHandler
    public CorpusExportView handle(ExportCorpus command) {
        Actor actor = Require.present("actor", command.actor());
        if (!AccessPolicy.hasPlatformAuthority(actor)) {
            throw DomainRejection.forbidden("role:platform-admin", "only platform admins export corpora");
        }
        CorpusSelection selection = Require.present("selection", command.selection()).validated();
        new RecordFilter(selection); // rejects unknown event types now, not in the background
        String exportId = UUID.randomUUID().toString();
        CorpusExportView started = new CorpusExportView(exportId, CorpusExportStatus.RUNNING, actor.userId(),
                clock.instant(), null, dataDirectory.relativize(corpora.resolve(exportId)).toString(), selection,
                null, null, 0, List.of(), null, null);
        save(started);
        running.add(exportId);
        thread.submit(() -> run(started));
        return started;
    }

    @QueryHandler
    public List<CorpusExportView> handle(FindCorpusExports query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer()) || !Files.isDirectory(corpora)) {
            return List.of();
        }
        // Which exports run is read before their files: an export records its end before it stops
        // running, so one that ended between the two reads is read ended, never as cut short.
        Set<String> live = Set.copyOf(running);
        try (Stream<Path> files = Files.list(corpora)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .map(this::read).filter(Objects::nonNull).map(view -> orphaned(view, live))
                    .sorted(Comparator.comparing(CorpusExportView::requestedAt).reversed())
                    .limit(Math.clamp(query.limit(), 0, MAX_LISTED)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + corpora, e);
        }
    }

    private void run(CorpusExportView started) {
        try {
            CorpusManifest manifest = exporter.export(started.selection(), corpora.resolve(started.exportId()), ExportProgress.NONE);
            save(new CorpusExportView(started.exportId(), CorpusExportStatus.COMPLETED, started.requestedBy(),
                    started.requestedAt(), clock.instant(), started.directory(), started.selection(),
                    manifest.firstSequence(), manifest.lastSequence(), manifest.eventsRead(), manifest.files(),
                    manifest.digest(), null));
        } catch (IOException | RuntimeException e) {
            log.warn("Corpus export {} failed: {}", started.exportId(), e.toString());
            save(failed(started, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            running.remove(started.exportId());
        }
    }

    /** A running export no thread of this application runs was cut short by a stop. */
    private CorpusExportView orphaned(CorpusExportView view, Set<String> live) {
        return view.status() == CorpusExportStatus.RUNNING && !live.contains(view.exportId())
                ? failed(view, "the application stopped during the export") : view;
    }

    private CorpusExportView failed(CorpusExportView view, String reason) {
        return new CorpusExportView(view.exportId(), CorpusExportStatus.FAILED, view.requestedBy(), view.requestedAt(),
                clock.instant(), view.directory(), view.selection(), null, null, 0, List.of(), null, reason);
    }

    private void save(CorpusExportView view) {
        try {
            Files.createDirectories(corpora);
            Path temporary = corpora.resolve(view.exportId() + ".json.tmp");
            json.writeValue(temporary.toFile(), view);
            Files.move(temporary, corpora.resolve(view.exportId() + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record corpus export " + view.exportId(), e);
        }
    }

    private CorpusExportView read(Path file) {
        try {
            return json.readValue(file.toFile(), CorpusExportView.class);
        } catch (IOException e) {
            log.warn("Unreadable corpus export status {}: {}", file, e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
