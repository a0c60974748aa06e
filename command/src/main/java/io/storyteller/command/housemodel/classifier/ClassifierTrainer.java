package io.storyteller.command.housemodel.classifier;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a house text classifier with Tribuo: multi-label logistic regression (an independent
 * sigmoid per label, binary cross-entropy, AdaGrad) on {@link NgramFeatures}. One label is a
 * binary classifier (the detector); several cumulative labels make an ordinal one (the guardrail's
 * severities). Each example's weight scales its gradient (Tribuo's weighted examples). Deterministic
 * for the same examples and options.
 */
public final class ClassifierTrainer {

    /** Tribuo logs its loss every so many examples; training here is small and quiet. */
    private static final int LOGGING_INTERVAL = Integer.MAX_VALUE;

    /** Held, so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    static {
        // Tribuo reports every training on java.util.logging at INFO: noise in the server log and the CLI.
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    public TrainedClassifier train(List<LabelledText> examples, TrainingOptions options) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one example");
        }
        NgramFeatures features = new NgramFeatures(options.features());
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("house classifier examples", OffsetDateTime.now(), factory), factory);
        for (LabelledText example : examples) {
            Map<Integer, Double> vector = features.features(example.text(), example.tags());
            if (vector.isEmpty()) {
                continue;
            }
            MultiLabel output = new MultiLabel(example.labels().stream().map(Label::new).collect(Collectors.toSet()));
            ArrayExample<MultiLabel> row = new ArrayExample<>(output, example.weight(), vector.size());
            row.addAll(vector.entrySet().stream().map(f -> new Feature(NgramFeatures.name(f.getKey()), f.getValue())).toList());
            data.add(row);
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("a classifier needs at least one example with words");
        }
        if (data.getOutputs().isEmpty()) {
            throw new IllegalArgumentException("a classifier needs at least one example with a label");
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new BinaryCrossEntropy(),
                new AdaGrad(options.learningRate(), 1e-6), options.epochs(), LOGGING_INTERVAL, 1, options.seed());
        LinearSGDModel model = trainer.train(data);
        return new TrainedClassifier(model, options, data.size());
    }
}
