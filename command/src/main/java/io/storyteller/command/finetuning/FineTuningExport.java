package io.storyteller.command.finetuning;

import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.domain.corpus.CorpusExportStatus;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.ExportCorpus;
import io.storyteller.domain.finetuning.ExportFineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.RecordFineTuningExport;
import io.storyteller.domain.finetuning.ReportFineTuningSetback;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Exports a fine-tuning's dataset for {@link ExportFineTuningDataset} through the corpus exporter
 * ({@link ExportCorpus}), waits on a worker until the export is {@code COMPLETED} or
 * {@code FAILED} (at most the command's timeout), and reports its manifest (export id, digest, record counts) or the failure.
 */
public class FineTuningExport implements AutoCloseable {

    private final Function<ExportCorpus, CorpusExportView> exporter;
    private final FineTuningLookups lookups;
    private final FineTuningReports reports;
    private final Duration poll;
    private final ExecutorService worker = Executors.newCachedThreadPool(BackgroundThreads.named("fine-tuning-export"));

    FineTuningExport(Function<ExportCorpus, CorpusExportView> exporter, FineTuningLookups lookups, FineTuningReports reports,
            Duration poll) {
        this.exporter = exporter;
        this.lookups = lookups;
        this.reports = reports;
        this.poll = poll;
    }

    @CommandHandler
    public void handle(ExportFineTuningDataset command) {
        start(command);
    }

    Future<?> start(ExportFineTuningDataset command) {
        return worker.submit(() -> export(command));
    }

    private void export(ExportFineTuningDataset command) {
        CorpusExportView view;
        try {
            view = exporter.apply(new ExportCorpus(command.selection(), Actor.system()));
        } catch (DomainRejection rejection) {
            setback(command, "the corpus exporter refused the dataset: " + rejection.violation().message(), false);
            return;
        } catch (RuntimeException e) {
            setback(command, "the export could not be started: " + e.getClass().getSimpleName(), true);
            return;
        }
        // The saga's deadline asks again after the same time; a worker that gave up by then is not left polling.
        long giveUpAt = System.nanoTime() + command.timeout().toNanos();
        try {
            while (view.status() == CorpusExportStatus.RUNNING) {
                if (System.nanoTime() - giveUpAt >= 0) {
                    setback(command, "corpus export " + view.exportId() + " did not end within "
                            + command.timeout().toString().substring(2).toLowerCase(), true);
                    return;
                }
                Thread.sleep(poll);
                view = lookups.export(view.exportId()).orElse(view);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (FineTuningWorkException e) {
            setback(command, e.getMessage(), e.retryable());
            return;
        }
        if (view.status() == CorpusExportStatus.COMPLETED) {
            Map<String, Long> records = new TreeMap<>();
            for (CorpusFile file : view.files()) {
                records.put(file.name(), file.records());
            }
            reports.send(new RecordFineTuningExport(command.fineTuningId(),
                    new FineTuningDataset(view.exportId(), view.directory(), view.digest(), records), Actor.system()));
        } else {
            setback(command, "corpus export " + view.exportId() + " failed: " + view.failure(), true);
        }
    }

    private void setback(ExportFineTuningDataset command, String reason, boolean retryable) {
        reports.send(new ReportFineTuningSetback(command.fineTuningId(), FineTuningStep.EXPORT, command.attempt(),
                reason.length() > 1000 ? reason.substring(0, 1000) : reason, retryable, Actor.system()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
