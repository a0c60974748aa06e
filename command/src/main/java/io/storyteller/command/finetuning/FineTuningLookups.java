package io.storyteller.command.finetuning;

import io.storyteller.domain.corpus.CorpusExportView;
import io.storyteller.domain.model.ModelView;
import java.util.Optional;

/** What the fine-tuning work reads: the registry's view of a model and a corpus export's status. */
interface FineTuningLookups {

    Optional<ModelView> model(String modelId);

    Optional<CorpusExportView> export(String exportId);
}
