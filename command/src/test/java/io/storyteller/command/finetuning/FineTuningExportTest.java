package io.storyteller.command.finetuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusExportStatus;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.corpus.ExportCorpus;
import io.storyteller.domain.finetuning.ExportFineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.RecordFineTuningExport;
import io.storyteller.domain.finetuning.ReportFineTuningSetback;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The export step asks the corpus exporter for the dataset, waits for the export to end, and reports its manifest or why not. */
class FineTuningExportTest {

    static final CorpusSelection SELECTION = new CorpusSelection(null, null, null, null, List.of("w-1"), List.of(),
            List.of(CorpusDataset.DETECTOR), 0.2, 7).validated();
    static final List<CorpusFile> FILES = List.of(
            new CorpusFile(CorpusDataset.DETECTOR, "train", "detector.train.jsonl", 80, "a".repeat(64)),
            new CorpusFile(CorpusDataset.DETECTOR, "holdout", "detector.holdout.jsonl", 20, "b".repeat(64)));

    private final List<Object> reports = new CopyOnWriteArrayList<>();
    private final List<ExportCorpus> asked = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private FineTuningExport work;

    @AfterEach
    void tearDown() {
        if (work != null) {
            work.close();
        }
    }

    /** The exporter answers RUNNING; the status lookups then answer {@code later} in turn, the last one for good. */
    private void with(Function<ExportCorpus, CorpusExportView> exporter, CorpusExportView... later) {
        FineTuningLookups lookups = new FineTuningLookups() {
            @Override
            public Optional<ModelView> model(String modelId) {
                return Optional.empty();
            }

            @Override
            public Optional<CorpusExportView> export(String exportId) {
                int poll = polls.getAndIncrement();
                return Optional.of(later[Math.min(poll, later.length - 1)]);
            }
        };
        work = new FineTuningExport(command -> {
            asked.add(command);
            return exporter.apply(command);
        }, lookups, reports::add, Duration.ofMillis(10));
    }

    private void run(Duration timeout) throws Exception {
        work.start(new ExportFineTuningDataset("ft-1", SELECTION, 2, timeout)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCompletedExportIsRecordedWithItsManifest() throws Exception {
        with(command -> view(CorpusExportStatus.RUNNING, List.of(), null, null),
                view(CorpusExportStatus.RUNNING, List.of(), null, null),
                view(CorpusExportStatus.COMPLETED, FILES, "c".repeat(64), null));
        run(Duration.ofSeconds(5));

        assertThat(asked).containsExactly(new ExportCorpus(SELECTION, Actor.system()));
        assertThat(polls.get()).isEqualTo(2);
        assertThat(reports).containsExactly(new RecordFineTuningExport("ft-1", new FineTuningDataset("export-1",
                "corpora/export-1", "c".repeat(64), Map.of("detector.train.jsonl", 80L, "detector.holdout.jsonl", 20L)),
                Actor.system()));
    }

    @Test
    void aFailedExportIsARetryableSetbackNamingTheExportsFailure() throws Exception {
        with(command -> view(CorpusExportStatus.RUNNING, List.of(), null, null),
                view(CorpusExportStatus.FAILED, List.of(), null, "disk full"));
        run(Duration.ofSeconds(5));

        assertThat(reports).containsExactly(new ReportFineTuningSetback("ft-1", FineTuningStep.EXPORT, 2,
                "corpus export export-1 failed: disk full", true, Actor.system()));
    }

    @Test
    void anExportThatDoesNotEndInTimeIsASetbackAndNoLongerWatched() throws Exception {
        with(command -> view(CorpusExportStatus.RUNNING, List.of(), null, null),
                view(CorpusExportStatus.RUNNING, List.of(), null, null));
        long started = System.nanoTime();
        run(Duration.ofMillis(150));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(5));
        assertThat(reports).containsExactly(new ReportFineTuningSetback("ft-1", FineTuningStep.EXPORT, 2,
                "corpus export export-1 did not end within 0.15s", true, Actor.system()));
        int watched = polls.get();
        Thread.sleep(100);
        assertThat(polls.get()).isEqualTo(watched);
    }

    @Test
    void aSelectionTheExporterRefusesIsASetbackNoRetryMends() throws Exception {
        with(command -> {
            throw DomainRejection.invalid("selection.worldIds", "max-count:1000", "too many worlds");
        }, view(CorpusExportStatus.RUNNING, List.of(), null, null));
        run(Duration.ofSeconds(5));

        assertThat(reports).containsExactly(new ReportFineTuningSetback("ft-1", FineTuningStep.EXPORT, 2,
                "the corpus exporter refused the dataset: too many worlds", false, Actor.system()));
        assertThat(polls.get()).isZero();
    }

    private static CorpusExportView view(CorpusExportStatus status, List<CorpusFile> files, String digest, String failure) {
        return new CorpusExportView("export-1", status, "system", Instant.EPOCH,
                status == CorpusExportStatus.RUNNING ? null : Instant.EPOCH.plusSeconds(5), "corpora/export-1", SELECTION,
                null, null, 0, files, digest, failure);
    }
}
