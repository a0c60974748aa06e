package io.storyteller.domain.finetuning;

/** The dataset is exported and fixed: what the candidate is trained on. */
public record FineTuningDatasetExported(String fineTuningId,
        FineTuningDataset dataset) {
}
