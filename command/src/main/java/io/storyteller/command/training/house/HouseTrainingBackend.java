package io.storyteller.command.training.house;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.training.ClassifierPublisher;
import io.storyteller.command.housemodel.classifier.training.ClassifierVersionTrainer;
import io.storyteller.command.housemodel.training.HouseModelMetadata;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTrainer;
import io.storyteller.command.housemodel.training.HouseModelVersionTrainer;
import io.storyteller.command.housemodel.training.TrainingSettings;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.TrainingProgress;
import io.storyteller.command.training.TrainingSupport;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.UseCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the house models in process ({@code house}): the detector and the guardrail on their
 * shipped labelled sets plus the export's dataset, the reviewer on the export's ratings and
 * preferences alone, the house narrator on the export's SFT turns; all
 * exported to ONNX and stored as the next version of their key in the house stores. The base version
 * names which model (and, for a narrator, which world's key); house models are trained anew, not
 * from its weights. The version is neither registered nor recorded on a world: the fine-tuning that
 * asked registers it, and it serves only once a slot or a pin names it. Interruption is honoured
 * between phases (read, train, cross-validate, store); an interrupted run stores nothing.
 */
public final class HouseTrainingBackend implements TrainingBackend {

    public static final String NAME = "house";

    private final ClassifierStore classifiers;
    private final HouseModelStore narrators;
    private final TrainingSettings narratorDefaults;
    private final double guardrailThreshold;

    /**
     * @param classifiers null when the house classifiers are disabled
     * @param narrators   null when the house narrator is disabled
     */
    public HouseTrainingBackend(ClassifierStore classifiers, HouseModelStore narrators, TrainingSettings narratorDefaults,
            double guardrailThreshold) {
        this.classifiers = classifiers;
        this.narrators = narrators;
        this.narratorDefaults = narratorDefaults;
        this.guardrailThreshold = guardrailThreshold;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainingSupport supports(TrainingJob job) {
        return HouseJobs.support(job, classifiers != null, narrators != null).map(TrainingSupport::no)
                .orElseGet(TrainingSupport::yes);
    }

    @Override
    public TrainingOutcome train(TrainingJob job, TrainingProgress progress) {
        TrainingSupport support = supports(job);
        if (!support.supported()) {
            throw new TrainingFailedException(support.reason());
        }
        long started = System.nanoTime();
        HouseHyperParameters parameters = new HouseHyperParameters(job.hyperParameters());
        HouseDataset dataset = new HouseDataset(job);
        progress.report("reading", 0);
        Map<String, Double> metrics = new HashMap<>();
        TrainingOutcome outcome = switch (job.useCase()) {
            case DETECTOR -> detector(dataset, parameters, progress, metrics, started);
            case GUARDRAIL -> guardrail(dataset, parameters, progress, metrics, started);
            case REVIEWER -> reviewer(dataset, parameters, progress, metrics, started);
            case NARRATOR -> narrator(job, dataset, parameters, progress, metrics, started);
            default -> throw new TrainingFailedException("the house trains no " + job.useCase().key());
        };
        progress.report("stored", 1);
        return outcome;
    }

    private TrainingOutcome detector(HouseDataset dataset, HouseHyperParameters parameters, TrainingProgress progress,
            Map<String, Double> metrics, long started) {
        List<DetectorCase> exported = dataset.detectorCases();
        TrainingOptions options = parameters.classifierOptions(TrainingOptions.defaults());
        ClassifierVersionTrainer trainer = new ClassifierVersionTrainer(classifiers, options);
        beforePhase("training", progress, 0.1);
        ClassifierVersionTrainer.Trained trained = trainer.detector(exported.stream().map(DetectorCase::example).toList(),
                "export " + fileName(dataset, CorpusDataset.DETECTOR));
        int folds = parameters.folds();
        if (folds > 0) {
            beforePhase("cross-validating", progress, 0.4);
            List<DetectorCase> all = new ArrayList<>(DetectorSet.builtIn());
            all.addAll(exported);
            metrics.putAll(CrossValidatedScores.detector(options, all, Math.min(folds, all.size())));
        }
        return stored(trainer, trained, dataset, exported.size(), metrics, progress, started);
    }

    private TrainingOutcome guardrail(HouseDataset dataset, HouseHyperParameters parameters, TrainingProgress progress,
            Map<String, Double> metrics, long started) {
        List<GuardrailCase> exported = dataset.guardrailCases(parameters.includeUnreviewed());
        TrainingOptions options = parameters.classifierOptions(TrainingOptions.defaults());
        ClassifierVersionTrainer trainer = new ClassifierVersionTrainer(classifiers, options);
        beforePhase("training", progress, 0.1);
        ClassifierVersionTrainer.Trained trained = trainer.guardrail(exported.stream().map(GuardrailCase::example).toList(),
                "export " + fileName(dataset, CorpusDataset.GUARDRAIL));
        int folds = parameters.folds();
        if (folds > 0) {
            beforePhase("cross-validating", progress, 0.4);
            List<GuardrailCase> all = new ArrayList<>(GuardrailSet.builtIn());
            all.addAll(exported);
            metrics.putAll(CrossValidatedScores.guardrail(options, all, Math.min(folds, all.size()), guardrailThreshold));
        }
        return stored(trainer, trained, dataset, exported.size(), metrics, progress, started);
    }

    /** The reviewer learns the export alone; its folds are the export's examples. */
    private TrainingOutcome reviewer(HouseDataset dataset, HouseHyperParameters parameters, TrainingProgress progress,
            Map<String, Double> metrics, long started) {
        List<LabelledText> exported = dataset.reviewerExamples();
        TrainingOptions options = parameters.classifierOptions(TrainingOptions.defaults());
        ClassifierVersionTrainer trainer = new ClassifierVersionTrainer(classifiers, options);
        beforePhase("training", progress, 0.1);
        ClassifierVersionTrainer.Trained trained;
        try {
            trained = trainer.reviewer(exported, "export " + reviewerFiles(dataset));
        } catch (IllegalArgumentException e) {
            throw new TrainingFailedException("the house reviewer cannot learn from this export: " + e.getMessage());
        }
        int folds = parameters.folds();
        if (folds > 0) {
            beforePhase("cross-validating", progress, 0.4);
            metrics.putAll(CrossValidatedScores.reviewer(options, exported, Math.min(folds, exported.size())));
        }
        return stored(trainer, trained, dataset, exported.size(), metrics, progress, started);
    }

    private TrainingOutcome stored(ClassifierVersionTrainer trainer, ClassifierVersionTrainer.Trained trained,
            HouseDataset dataset, int exported, Map<String, Double> metrics, TrainingProgress progress, long started) {
        beforePhase("storing", progress, 0.9);
        ClassifierMetadata metadata = trainer.store(trained, dataset.range());
        metrics.put("examples", (double) metadata.examples());
        metrics.put("datasetExamples", (double) exported);
        metrics.put("features", (double) metadata.features());
        metrics.put("seconds", seconds(started));
        return new TrainingOutcome(null, classifiers.versionDirectory(metadata.modelKey(), metadata.version()),
                String.valueOf(metadata.version()), metrics, null);
    }

    private TrainingOutcome narrator(TrainingJob job, HouseDataset dataset, HouseHyperParameters parameters,
            TrainingProgress progress, Map<String, Double> metrics, long started) {
        List<String> documents = dataset.narratorDocuments();
        if (documents.isEmpty()) {
            throw new TrainingFailedException("the export's sft train file holds no player or narrator text");
        }
        String modelKey = HouseJobs.narratorKey(job.base().modelId());
        HouseModelVersionTrainer trainer = new HouseModelVersionTrainer(new HouseModelTrainer(), narrators);
        beforePhase("training", progress, 0.1);
        HouseModelVersionTrainer.Trained trained;
        try {
            trained = trainer.train(documents, parameters.narratorSettings(narratorDefaults));
        } catch (IllegalArgumentException e) {
            throw new TrainingFailedException("the house narrator cannot learn from this export: " + e.getMessage());
        }
        beforePhase("storing", progress, 0.9);
        HouseModelMetadata metadata = trainer.store(modelKey, trained, dataset.range());
        metrics.put("examples", (double) metadata.documents());
        metrics.put("tokens", (double) metadata.tokens());
        metrics.put("vocabulary", (double) metadata.vocabularySize());
        metrics.put("seconds", seconds(started));
        return new TrainingOutcome(null, narrators.versionDirectory(modelKey, metadata.version()),
                String.valueOf(metadata.version()), metrics, null);
    }

    /** Stops before the next phase when the run was interrupted (its deadline passed); nothing is stored then. */
    private static void beforePhase(String phase, TrainingProgress progress, double fraction) {
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingFailedException("interrupted before " + phase + "; nothing was stored");
        }
        progress.report(phase, fraction);
    }

    private static String fileName(HouseDataset dataset, CorpusDataset kind) {
        return dataset.trainFile(kind).map(CorpusFile::name).orElse(kind.key());
    }

    private static String reviewerFiles(HouseDataset dataset) {
        return String.join(" + ", java.util.stream.Stream.of(CorpusDataset.RATINGS, CorpusDataset.PREFERENCES)
                .flatMap(kind -> dataset.trainFile(kind).stream()).map(CorpusFile::name).toList());
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static String classifierKey(UseCase useCase) {
        return switch (useCase) {
            case DETECTOR -> ClassifierPublisher.DETECTOR;
            case GUARDRAIL -> ClassifierPublisher.GUARDRAIL;
            case REVIEWER -> HouseReviewer.KEY;
            default -> throw new IllegalArgumentException("no house classifier serves " + useCase.key());
        };
    }
}
