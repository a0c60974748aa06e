package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusSelection;

/**
 * Work the fine-tuning saga asks for: export the dataset, then answer with
 * {@link RecordFineTuningExport} or {@link ReportFineTuningSetback}. Not an aggregate's command.
 */
public record ExportFineTuningDataset(String fineTuningId,
        CorpusSelection selection,
        int attempt) {
}
