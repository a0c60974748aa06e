package io.storyteller.command.corpus;

import io.storyteller.domain.corpus.CorpusDataset;
import java.util.Map;

/**
 * One line of a dataset, before deduplication and the split.
 *
 * @param group    what decides the split: the story's id (the world's for lore), so a story never lies in both
 * @param identity the texts that make it the same record as another (normalised and hashed for deduplication)
 * @param fields   the JSON object, in field order
 */
record CorpusRecord(CorpusDataset dataset, String group, String identity, Map<String, Object> fields) {
}
