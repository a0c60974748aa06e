package io.storyteller.domain.story;

import java.util.List;

/** Where a narration came from: which model, from which prompt and lore, at what cost. */
public record NarrationProvenance(String model,
        String modelVersion,
        String promptDigest,
        List<String> loreEntryIds,
        long latencyMillis,
        int promptTokens,
        int completionTokens) {
}
