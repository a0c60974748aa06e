package io.storyteller.command.housemodel.classifier;

import java.util.List;
import java.util.Set;

/**
 * One training example: a text, tags featurised beside it (e.g. {@code source=player}) and the
 * labels that hold for it; an empty label set is a negative for every label.
 */
public record LabelledText(String text, List<String> tags, Set<String> labels) {

    public LabelledText {
        text = text == null ? "" : text;
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
    }
}
