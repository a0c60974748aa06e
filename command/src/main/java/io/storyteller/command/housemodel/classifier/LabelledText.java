package io.storyteller.command.housemodel.classifier;

import java.util.List;
import java.util.Set;

/**
 * One training example: a text, tags featurised beside it (e.g. {@code source=player}), the labels
 * that hold for it (an empty set is a negative for every label) and how much it weighs in training
 * (1 by default; a class that is common in play but rarer in the labelled set weighs more).
 */
public record LabelledText(String text, List<String> tags, Set<String> labels, float weight) {

    public LabelledText {
        text = text == null ? "" : text;
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("an example's weight must be positive");
        }
    }

    public LabelledText(String text, List<String> tags, Set<String> labels) {
        this(text, tags, labels, 1f);
    }

    public LabelledText withWeight(float weight) {
        return new LabelledText(text, tags, labels, weight);
    }
}
