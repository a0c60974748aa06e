package io.storyteller.command.training.house;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.corpus.CorpusManifest;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.command.housemodel.classifier.detector.DetectorCase;
import io.storyteller.command.housemodel.classifier.detector.DetectorSet;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailCase;
import io.storyteller.command.housemodel.classifier.guardrail.GuardrailSet;
import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a house model learns from a corpus export: the {@code train} split of the job's dataset for
 * its use case (the holdout is left for validation). Detector lines are the detector set's format;
 * guardrail lines the guardrail set's, of which only moderator decisions ({@code reviewed: true})
 * count unless asked otherwise; reviewer examples come from the RATINGS and PREFERENCES files; narrator documents are the distinct user and assistant turns of the
 * SFT records (player actions and narrations; system prompts repeat settings and lore verbatim).
 */
final class HouseDataset {

    static final String TRAIN = CorpusDataset.TRAIN;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrainingJob job;

    HouseDataset(TrainingJob job) {
        this.job = job;
    }

    /** The export's train file of the dataset, if it wrote one. */
    Optional<CorpusFile> trainFile(CorpusDataset dataset) {
        return job.files().stream().filter(file -> file.dataset() == dataset && TRAIN.equals(file.split())).findFirst();
    }

    List<DetectorCase> detectorCases() {
        return parse(CorpusDataset.DETECTOR, DetectorSet::parse);
    }

    List<GuardrailCase> guardrailCases(boolean includeUnreviewed) {
        return parse(CorpusDataset.GUARDRAIL, lines -> GuardrailSet.parse(includeUnreviewed ? lines
                : lines.stream().filter(HouseDataset::reviewed).toList()));
    }

    /** The reviewer's examples: the RATINGS train file's and the PREFERENCES one's, whichever the export wrote. */
    List<LabelledText> reviewerExamples() {
        List<LabelledText> examples = new ArrayList<>();
        if (trainFile(CorpusDataset.RATINGS).isPresent()) {
            examples.addAll(parse(CorpusDataset.RATINGS, ReviewerExamples::ofRatings));
        }
        if (trainFile(CorpusDataset.PREFERENCES).isPresent()) {
            examples.addAll(parse(CorpusDataset.PREFERENCES, ReviewerExamples::ofPreferences));
        }
        return examples;
    }

    List<String> narratorDocuments() {
        Set<String> documents = new LinkedHashSet<>();
        for (String line : lines(CorpusDataset.SFT)) {
            if (line.isBlank()) {
                continue;
            }
            for (JsonNode message : tree(line).path("messages")) {
                String role = message.path("role").asText();
                String content = message.path("content").asText("").strip();
                if (("user".equals(role) || "assistant".equals(role)) && !content.isEmpty()) {
                    documents.add(content);
                }
            }
        }
        return new ArrayList<>(documents);
    }

    /**
     * The event range the export read, from its manifest: the first selected sequence (-1 when none)
     * to the sequence it read up to; -1..-1 without a manifest. The automatic retraining measures what
     * is new against it.
     */
    CorpusRange range() {
        Path manifest = job.datasetDirectory().resolve(CorpusManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return new CorpusRange(-1, -1);
        }
        try {
            JsonNode node = JSON.readTree(manifest.toFile());
            return new CorpusRange(node.path("firstSequence").asLong(-1), node.path("lastSequenceRead").asLong(-1));
        } catch (IOException e) {
            throw new TrainingFailedException("the export's manifest.json cannot be read");
        }
    }

    private <T> List<T> parse(CorpusDataset dataset, java.util.function.Function<List<String>, List<T>> parser) {
        try {
            return parser.apply(lines(dataset));
        } catch (LabelledSetException e) {
            throw new TrainingFailedException("the export's " + dataset.key() + " train file is not in the house format: "
                    + e.getMessage());
        }
    }

    private List<String> lines(CorpusDataset dataset) {
        CorpusFile file = trainFile(dataset).orElseThrow(() ->
                new TrainingFailedException("the export has no " + dataset.key() + " train file"));
        Path path = job.datasetDirectory().resolve(file.name()).normalize();
        if (!path.startsWith(job.datasetDirectory().normalize())) {
            throw new TrainingFailedException("the export's " + dataset.key() + " file lies outside its directory");
        }
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new TrainingFailedException("the export's " + file.name() + " cannot be read");
        }
    }

    private static boolean reviewed(String line) {
        return line.isBlank() || tree(line).path("reviewed").asBoolean(true);
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new TrainingFailedException("the export holds a line that is not JSON");
        }
    }
}
