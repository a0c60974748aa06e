package io.storyteller.command.training;

import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.UseCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One training run.
 *
 * @param fineTuningId    the fine-tuning it belongs to; names the output directory and remote jobs
 * @param base            the version training starts from
 * @param baseModel       the base model's registry entry (kind, provider, spec)
 * @param useCase         what the new version is for; picks the dataset (SFT for narrators, DETECTOR, GUARDRAIL…)
 * @param datasetDirectory the corpus export's directory, absolute
 * @param files           the export's files (dataset, split, name, records, digest)
 * @param hyperParameters as requested, by name (e.g. {@code epochs}, {@code learningRate}); backends ignore names they do not know and say so in their metrics' absence
 * @param outputDirectory an empty directory of the data directory where file-producing backends write the new version
 */
public record TrainingJob(String fineTuningId,
        ModelRef base,
        ModelView baseModel,
        UseCase useCase,
        Path datasetDirectory,
        List<CorpusFile> files,
        Map<String, String> hyperParameters,
        Path outputDirectory) {

    public TrainingJob {
        files = files == null ? List.of() : List.copyOf(files);
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
    }
}
