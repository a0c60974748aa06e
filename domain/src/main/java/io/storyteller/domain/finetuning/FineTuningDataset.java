package io.storyteller.domain.finetuning;

import java.util.Map;
import java.util.TreeMap;

/**
 * The dataset a fine-tuning trains on, as its corpus export's manifest describes it.
 *
 * @param directory where the export's files are, relative to the data directory
 * @param digest    the manifest's digest over all files
 * @param records   records per file name
 */
public record FineTuningDataset(String exportId,
        String directory,
        String digest,
        Map<String, Long> records) {

    public FineTuningDataset {
        records = records == null ? Map.of() : new TreeMap<>(records);
    }
}
