package io.storyteller.command.housemodel.classifier;

import java.util.List;

/** A text to score and the tags it was trained with (e.g. {@code source=narration}). */
public record ClassifierInput(String text, List<String> tags) {

    public ClassifierInput {
        text = text == null ? "" : text;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
