package io.storyteller.graphql.finetuning;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusSelection;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A fine-tuning's dataset as the API takes it: the schema's {@code CorpusExportInput}, the same
 * selection a corpus export takes. Bound here rather than shared, so API areas stay apart.
 */
public record DatasetInput(Long fromSequence,
        Long toSequence,
        OffsetDateTime from,
        OffsetDateTime to,
        List<String> worldIds,
        List<String> eventTypes,
        List<CorpusDataset> datasets,
        double holdout,
        long seed) {

    CorpusSelection selection() {
        return new CorpusSelection(fromSequence, toSequence, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), worldIds, eventTypes, datasets, holdout, seed);
    }
}
