package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;
import java.time.Duration;

/**
 * Work the fine-tuning saga asks for: export the dataset, waiting at most {@code timeout} for the
 * export to end, then answer with {@link RecordFineTuningExport} or {@link ReportFineTuningSetback}.
 * Not an aggregate's command.
 */
public record ExportFineTuningDataset(String fineTuningId,
        CorpusSelection selection,
        int attempt,
        Duration timeout) {
}
