package io.storyteller.ops.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded corpus export for training benchmarks, in the exporter's file formats: player actions and
 * narrations made up from {@link LoreCorpus}'s word lists (detector and SFT), and moderator
 * decisions on benign actions and on insults (guardrail). The same seed and sizes give the same files.
 */
final class HouseTrainingExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] VERBS = {"ask", "follow", "bribe", "question", "help", "warn", "ignore", "trust"};
    private static final String[] INSULTS = {"You are a worthless coward and everyone here knows it.",
            "Nobody at this table wants you, go away and rot.", "You are pathetic, just like you are in real life.",
            "Everyone laughs at you behind your back, you useless fool."};

    private final Path directory;
    private final Random random;
    private final List<CorpusFile> files = new ArrayList<>();

    HouseTrainingExport(Path directory, long seed) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.random = new Random(seed);
        Files.writeString(directory.resolve("manifest.json"), "{\"firstSequence\":0,\"lastSequenceRead\":0}");
    }

    List<CorpusFile> files() {
        return List.copyOf(files);
    }

    HouseTrainingExport detector(int records) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            boolean generated = i % 2 == 1;
            lines.add(Map.of("id", "d" + i, "text", generated ? narration(i) : action(i),
                    "label", generated ? "generated" : "human", "source", generated ? "narration" : "action"));
        }
        return write(CorpusDataset.DETECTOR, lines);
    }

    HouseTrainingExport guardrail(int records) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            boolean insult = i % 4 == 0;
            lines.add(Map.of("id", "g" + i, "text", insult ? INSULTS[random.nextInt(INSULTS.length)] + " " + action(i) : action(i),
                    "source", "player", "categories", insult ? List.of("harassment") : List.of(), "severity", insult ? 2 : 0,
                    "realWorld", false, "allowed", Map.of("E", !insult, "T", !insult, "M", true, "AO", true), "reviewed", true));
        }
        return write(CorpusDataset.GUARDRAIL, lines);
    }

    HouseTrainingExport sft(int records) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            lines.add(Map.of("messages", List.of(
                    Map.of("role", "system", "content", "You narrate the coast."),
                    Map.of("role", "user", "content", action(i)),
                    Map.of("role", "assistant", "content", narration(i)))));
        }
        return write(CorpusDataset.SFT, lines);
    }

    /** Players' ratings: the narrations above rated 4–5, flat repetitive ones rated 1–2, half each. */
    HouseTrainingExport ratings(int records) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            boolean good = i % 2 == 0;
            String response = good ? narration(i) : "You are at " + LoreCorpus.placeName(random.nextInt(120))
                    + ". Nothing happens. It is okay. Nothing happens.";
            lines.add(Map.of("prompt", List.of(Map.of("role", "user", "content", action(i))), "response", response,
                    "rating", good ? 4 + random.nextInt(2) : 1 + random.nextInt(2), "rater", "bench"));
        }
        return write(CorpusDataset.RATINGS, lines);
    }

    private String action(int i) {
        return "I " + VERBS[random.nextInt(VERBS.length)] + " the " + LoreCorpus.ROLES[random.nextInt(LoreCorpus.ROLES.length)]
                + " at " + LoreCorpus.placeName(random.nextInt(120)) + ".";
    }

    private String narration(int i) {
        int figure = random.nextInt(100_000);
        return LoreCorpus.name(figure) + " the " + LoreCorpus.ROLES[LoreCorpus.role(figure)] + " waits by "
                + LoreCorpus.placeName(LoreCorpus.place(figure)) + ", " + LoreCorpus.TRAITS[random.nextInt(LoreCorpus.TRAITS.length)]
                + ". The tide turns, and the lanterns along the pier flicker as you approach.";
    }

    private HouseTrainingExport write(CorpusDataset dataset, List<Map<String, Object>> lines) throws IOException {
        String name = dataset.fileName(CorpusDataset.TRAIN);
        List<String> text = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            text.add(JSON.writeValueAsString(line));
        }
        Files.write(directory.resolve(name), text);
        files.add(new CorpusFile(dataset, CorpusDataset.TRAIN, name, lines.size(), "0".repeat(64)));
        return this;
    }
}
