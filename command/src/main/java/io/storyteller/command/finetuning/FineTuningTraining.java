package io.storyteller.command.finetuning;

import io.storyteller.command.background.BackgroundThreads;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.TrainingSupport;
import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.finetuning.FindTrainingStage;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.RecordTrainedCandidate;
import io.storyteller.domain.finetuning.RecordTrainingStart;
import io.storyteller.domain.finetuning.ReportFineTuningSetback;
import io.storyteller.domain.finetuning.StopFineTuningTraining;
import io.storyteller.domain.finetuning.TrainFineTuningCandidate;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a fine-tuning's candidate for {@link TrainFineTuningCandidate}: picks the backend by name,
 * checks it can train the job, runs it on a worker thread for at most the command's timeout
 * (interrupted then, or on {@link StopFineTuningTraining}), registers the result with its lineage
 * and reports each end to the FineTuning. The command is accepted at once; the saga waits for the
 * events. A new attempt for the same fine-tuning interrupts the one before.
 */
public class FineTuningTraining implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FineTuningTraining.class);

    private final TrainingBackends backends;
    private final FineTuningLookups lookups;
    private final CandidateRegistration registration;
    private final FineTuningReports reports;
    private final Path dataDirectory;
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
    private final Map<String, String> stages = new ConcurrentHashMap<>();
    private final ExecutorService supervisors = Executors.newCachedThreadPool(BackgroundThreads.named("fine-tuning-supervisor"));
    private final ExecutorService trainers = Executors.newCachedThreadPool(BackgroundThreads.named("fine-tuning-training"));

    FineTuningTraining(TrainingBackends backends, FineTuningLookups lookups, CandidateRegistration registration,
            FineTuningReports reports, Path dataDirectory) {
        this.backends = backends;
        this.lookups = lookups;
        this.registration = registration;
        this.reports = reports;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    @CommandHandler
    public void handle(TrainFineTuningCandidate command) {
        start(command);
    }

    @CommandHandler
    public void handle(StopFineTuningTraining command) {
        Future<?> training = running.remove(command.fineTuningId());
        if (training != null) {
            training.cancel(true);
        }
    }

    /** The latest stage a backend reported for a fine-tuning, e.g. {@code training 40%}; null when none runs. */
    public String stage(String fineTuningId) {
        return stages.get(fineTuningId);
    }

    /** The live stage for the read side: kept in memory because it changes too often to be worth an event. */
    @QueryHandler
    public Optional<String> handle(FindTrainingStage query) {
        return Optional.ofNullable(query.fineTuningId()).map(stages::get);
    }

    Future<?> start(TrainFineTuningCandidate command) {
        handle(new StopFineTuningTraining(command.fineTuningId()));
        return supervisors.submit(() -> supervise(command));
    }

    private void supervise(TrainFineTuningCandidate command) {
        String id = command.fineTuningId();
        Future<TrainingOutcome> training = null;
        try {
            ModelView base = lookups.model(command.base().modelId())
                    .orElseThrow(() -> new FineTuningWorkException("the registry has no model " + command.base().modelId(), false));
            TrainingBackend backend = backends.named(command.backend())
                    .orElseThrow(() -> new FineTuningWorkException("no training backend is called " + command.backend(), false));
            TrainingJob job = job(command, base);
            TrainingSupport support = backend.supports(job);
            if (!support.supported()) {
                throw new FineTuningWorkException("backend " + backend.name() + " cannot train this: " + support.reason(), false);
            }
            reports.send(new RecordTrainingStart(id, command.attempt(), Actor.system()));
            FutureTask<TrainingOutcome> task = new FutureTask<>(() -> backend.train(job, (stage, fraction) -> stages.put(id,
                    fraction < 0 ? stage : stage + " " + Math.round(fraction * 100) + "%")));
            training = task;
            // Known as running before it runs, so a stop that comes at once still finds it.
            running.put(id, task);
            trainers.execute(task);
            TrainingOutcome outcome = training.get(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            ModelRef candidate = registration.register(command, base, outcome);
            reports.send(new RecordTrainedCandidate(id, candidate, outcome.metrics(), Actor.system()));
        } catch (TimeoutException e) {
            training.cancel(true);
            setback(command, "training took longer than " + command.timeout().toString().substring(2).toLowerCase(), true);
        } catch (CancellationException | InterruptedException e) {
            log.info("Training of fine-tuning {} was stopped", id);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            setback(command, cause instanceof TrainingFailedException ? cause.getMessage()
                    : "training failed: " + cause.getClass().getSimpleName(), true);
        } catch (FineTuningWorkException e) {
            setback(command, e.getMessage(), e.retryable());
        } catch (RuntimeException e) {
            log.warn("Training of fine-tuning {} failed", id, e);
            setback(command, "training failed: " + e.getClass().getSimpleName(), true);
        } finally {
            stages.remove(id);
            if (training != null) {
                running.remove(id, training);
            }
        }
    }

    private TrainingJob job(TrainFineTuningCandidate command, ModelView base) {
        CorpusExportView export = lookups.export(command.dataset().exportId())
                .orElseThrow(() -> new FineTuningWorkException("corpus export " + command.dataset().exportId() + " is gone", false));
        Path datasetDirectory = dataDirectory.resolve(command.dataset().directory()).normalize();
        Path output = dataDirectory.resolve("models").resolve("fine-tuned").resolve(command.fineTuningId())
                .resolve(Integer.toString(command.attempt()));
        if (!datasetDirectory.startsWith(dataDirectory) || !output.startsWith(dataDirectory)) {
            throw new FineTuningWorkException("the dataset and the output stay inside the data directory", false);
        }
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new FineTuningWorkException("could not create the output directory: " + e.getClass().getSimpleName(), true);
        }
        return new TrainingJob(command.fineTuningId(), command.base(), base, command.useCase(), datasetDirectory, export.files(),
                command.hyperParameters(), output);
    }

    private void setback(TrainFineTuningCandidate command, String reason, boolean retryable) {
        reports.send(new ReportFineTuningSetback(command.fineTuningId(), FineTuningStep.TRAIN, command.attempt(),
                reason.length() > 1000 ? reason.substring(0, 1000) : reason, retryable, Actor.system()));
    }

    @Override
    public void close() {
        supervisors.shutdownNow();
        trainers.shutdownNow();
    }
}
