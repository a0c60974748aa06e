package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.ClassifierMetadata;
import io.storyteller.command.housemodel.classifier.ClassifierStore;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.TrainedClassifier;
import io.storyteller.command.housemodel.classifier.TrainingOptions;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.detector.DetectorTraining;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailTraining;
import io.storyteller.command.housemodel.classifier.reviewer.HouseReviewer;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerTraining;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a house classifier version is made: trained on its shipped labelled set plus the examples
 * given (admin flags, logged texts, an exported dataset), then stored as the key's next version.
 * Two steps, so that a caller may stop between them. It neither registers nor serves the version:
 * {@link ClassifierPublisher} registers what it stores, the house training backend leaves that to
 * the fine-tuning that asked, and a stored version serves only through a slot or a pin.
 */
public final class ClassifierVersionTrainer {

    private static final Logger log = LoggerFactory.getLogger(ClassifierVersionTrainer.class);

    /**
     * A trained classifier not yet stored.
     *
     * @param trainedOn what it learnt from, in words, as {@code model.json} records it
     * @param nanos     how long training took
     */
    public record Trained(String modelKey, TrainedClassifier classifier, String trainedOn, long nanos) {
    }

    private final ClassifierStore store;
    private final TrainingOptions options;

    public ClassifierVersionTrainer(ClassifierStore store, TrainingOptions options) {
        this.store = store;
        this.options = options;
    }

    /** The guardrail on its shipped sets plus {@code extra} (named {@code extraName} in the record). */
    public Trained guardrail(List<LabelledText> extra, String extraName) {
        long started = System.nanoTime();
        var cases = GuardrailSet.builtIn();
        TrainedClassifier trained = new GuardrailTraining(options).train(cases, extra);
        return new Trained(ClassifierPublisher.GUARDRAIL, trained,
                GuardrailSet.builtInName() + " " + cases.size() + ", " + extraName + " " + extra.size(), System.nanoTime() - started);
    }

    /** The detector on its shipped set plus {@code extra}. */
    public Trained detector(List<LabelledText> extra, String extraName) {
        long started = System.nanoTime();
        var cases = DetectorSet.builtIn();
        TrainedClassifier trained = new DetectorTraining(options).train(cases, extra);
        return new Trained(ClassifierPublisher.DETECTOR, trained,
                DetectorSet.RESOURCE + " " + cases.size() + ", " + extraName + " " + extra.size(), System.nanoTime() - started);
    }

    /** The reviewer on {@code examples} alone: it has no shipped set, players' verdicts are all it knows. */
    public Trained reviewer(List<LabelledText> examples, String name) {
        long started = System.nanoTime();
        TrainedClassifier trained = new ReviewerTraining(options).train(examples);
        return new Trained(HouseReviewer.KEY, trained, name + " " + examples.size(), System.nanoTime() - started);
    }

    /** Stores it as its key's next version. */
    public ClassifierMetadata store(Trained trained, CorpusRange range) {
        ClassifierMetadata metadata = store.save(trained.modelKey(), trained.classifier(), range, trained.trainedOn());
        log.info("Trained house classifier {} on {} ({} features) in {} ms", metadata.modelName(), trained.trainedOn(),
                metadata.features(), trained.nanos() / 1_000_000);
        return metadata;
    }

    public TrainingOptions options() {
        return options;
    }
}
