package io.storyteller.command.housemodel.classifier.guardrail;

import java.util.List;

/** Who wrote the text the guardrail judges; the model sees it as a tag beside the words. */
public enum TextSource {
    PLAYER,
    NARRATION;

    public String key() {
        return name().toLowerCase();
    }

    List<String> tags() {
        return List.of("source=" + key());
    }
}
