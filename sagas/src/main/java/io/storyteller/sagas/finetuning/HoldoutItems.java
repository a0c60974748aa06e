package io.storyteller.sagas.finetuning;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.validation.DatasetKind;
import io.storyteller.domain.validation.SuiteDataset;
import java.util.Optional;

/**
 * What a fine-tuned candidate is measured on besides its use case's suite. A reviewer learns one
 * platform's players' taste, which a shipped set cannot measure: it is validated on its own export's
 * holdout (ratings, else preferences), stories it never saw, split off by the exporter. The other use
 * cases keep their suite's items: the shipped labelled sets and the recorded turns already measure
 * what they learn.
 */
final class HoldoutItems {

    private HoldoutItems() {
    }

    static Optional<SuiteDataset> of(UseCase useCase, FineTuningDataset exported) {
        if (useCase != UseCase.REVIEWER || exported == null || exported.directory() == null) {
            return Optional.empty();
        }
        return holdout(exported, CorpusDataset.RATINGS).or(() -> holdout(exported, CorpusDataset.PREFERENCES));
    }

    private static Optional<SuiteDataset> holdout(FineTuningDataset exported, CorpusDataset kind) {
        String file = kind.fileName(CorpusDataset.HOLDOUT);
        long records = exported.records().getOrDefault(file, 0L);
        if (records < 1) {
            return Optional.empty();
        }
        String directory = exported.directory().endsWith("/") ? exported.directory() : exported.directory() + "/";
        return Optional.of(new SuiteDataset(DatasetKind.FILE, directory + file, null,
                (int) Math.min(records, SuiteDataset.MAX_LIMIT)));
    }
}
