package io.storyteller.command.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.EventLog;
import io.storyteller.domain.corpus.CorpusExportStatus;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.corpus.ExportCorpus;
import io.storyteller.domain.corpus.FindCorpusExports;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter on Axon's event store: reading bounds, progress, and exports run in the background. */
class CorpusExporterTest {

    private final EventLog log = new EventLog();

    @TempDir
    Path directory;

    @AfterEach
    void close() {
        log.close();
    }

    private void appendStories(int count) {
        HandBuiltLog built = new HandBuiltLog().world("w1", "W");
        for (int i = 0; i < count; i++) {
            built.story("s" + i, "w1").action("s" + i, "w1", "a" + i, "Act " + i)
                    .narration("s" + i, "w1", "a" + i, "n" + i, 0, "Answer " + i, List.of());
        }
        log.append(built.events.stream().map(LoggedEvent::payload).toArray());
    }

    @Test
    void readingStopsAtTheLastSequenceAskedForAndTheManifestSaysWhere() throws IOException {
        appendStories(4); // sequences 0..12
        AtomicLong lastSeen = new AtomicLong(-1);
        CorpusSelection selection = new CorpusSelection(null, 6L, null, null, List.of(), List.of(), List.of(), 0, 7);

        CorpusManifest manifest = new CorpusExporter(log.store).export(selection, directory.resolve("x"), new ExportProgress() {
            @Override
            public void read(long sequence) {
                lastSeen.set(sequence);
            }
        });

        assertThat(lastSeen.get()).isEqualTo(6);
        assertThat(manifest.lastSequenceRead()).isEqualTo(6);
        assertThat(manifest.eventsRead()).isEqualTo(7);
        assertThat(manifest.lastSequence()).isEqualTo(6);
        assertThat(Files.readAllLines(directory.resolve("x").resolve("sft.train.jsonl"))).hasSize(2);
        assertThat(CorpusExporter.readManifest(directory.resolve("x").resolve("manifest.json"))).isEqualTo(manifest);
    }

    @Test
    void anExportNeverWritesIntoADirectoryHoldingFiles() throws IOException {
        Files.createDirectories(directory.resolve("used"));
        Files.writeString(directory.resolve("used").resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> new CorpusExporter(log.store).export(HandBuiltLog.all(), directory.resolve("used"), ExportProgress.NONE))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
    }

    @Test
    void platformAdminsExportInTheBackgroundAndSeeTheResult() throws InterruptedException {
        appendStories(3);
        Actor admin = new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN));
        try (CorpusExports exports = new CorpusExports(new CorpusExporter(log.store), directory, Clock.systemUTC())) {
            CorpusExportView started = exports.handle(new ExportCorpus(HandBuiltLog.all(), admin));
            assertThat(started.directory()).isEqualTo("corpora/" + started.exportId());

            CorpusExportView done = started;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                 done.status() == CorpusExportStatus.RUNNING && System.nanoTime() < deadline; Thread.sleep(50)) {
                done = exports.handle(new FindCorpusExports(10, admin)).getFirst();
            }
            assertThat(done.status()).as("failure: %s", done.failure()).isEqualTo(CorpusExportStatus.COMPLETED);
            assertThat(done.files()).isNotEmpty();
            assertThat(done.digest()).hasSize(64);
            assertThat(done.lastSequence()).isEqualTo(9);
            assertThat(directory.resolve(started.directory()).resolve("manifest.json")).exists();
            assertThat(exports.handle(new FindCorpusExports(10, new Actor("p", Set.of(PlatformRole.PLAYER))))).isEmpty();
            assertThatThrownBy(() -> exports.handle(new ExportCorpus(HandBuiltLog.all(), new Actor("p", Set.of(PlatformRole.PLAYER)))))
                    .isInstanceOf(DomainRejection.class);
        }
    }
}
