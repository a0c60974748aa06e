package io.storyteller.graphql.corpus;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusSelection;
import java.time.OffsetDateTime;
import java.util.List;

/** A corpus export as the API asks for it; the exporter checks every field. */
public record CorpusExportInput(Long fromSequence,
        Long toSequence,
        OffsetDateTime from,
        OffsetDateTime to,
        List<String> worldIds,
        List<String> eventTypes,
        List<CorpusDataset> datasets,
        double holdout,
        long seed) {

    public CorpusSelection selection() {
        return new CorpusSelection(fromSequence, toSequence, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), worldIds, eventTypes, datasets, holdout, seed);
    }
}
