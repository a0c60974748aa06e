package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.corpus.WorldCorpus;
import java.util.Optional;

/**
 * When a corpus deserves a new model version: when it has none yet, when its lore changed since
 * the last version was trained, or when enough of its documents are new or rewritten since then.
 * A corpus with no documents, or of an archived world, never does.
 */
record RetrainPolicy(int minNewDocuments) {

    /** Why the corpus should be trained now, or empty when its latest version still stands. */
    Optional<String> reason(WorldCorpus corpus, Optional<HouseModelMetadata> latest) {
        if (corpus.isEmpty() || corpus.archived()) {
            return Optional.empty();
        }
        if (latest.isEmpty()) {
            return Optional.of("no model yet");
        }
        CorpusRange trained = latest.get().corpusRange();
        long trainedTo = trained == null ? -1 : trained.toEventIndex();
        if (corpus.loreChangedSince(trainedTo)) {
            return Optional.of("lore changed since v" + latest.get().version());
        }
        int changed = corpus.changedSince(trainedTo);
        return changed >= minNewDocuments
                ? Optional.of(changed + " new or rewritten documents since v" + latest.get().version())
                : Optional.empty();
    }
}
