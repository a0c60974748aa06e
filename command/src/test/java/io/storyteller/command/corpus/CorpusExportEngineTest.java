package io.storyteller.command.corpus;

import static io.storyteller.command.corpus.HandBuiltLog.all;
import static io.storyteller.command.corpus.HandBuiltLog.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusFile;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.CandidateOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus export engine on hand-written event logs: what each dataset holds, and how it is cut. */
class CorpusExportEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** A world with lore, a story with an action, a narration that was retried, edited, rated and flagged. */
    private static HandBuiltLog playedStory() {
        return new HandBuiltLog()
                .world("w1", "The Lantern Coast")
                .lore("w1", "l1", "The Gilded Eel", "A tavern on the harbour where Bertel pours.")
                .lore("w1", "l2", "The Fog", "It comes in at dusk and takes sound with it.")
                .story("s1", "w1")
                .action("s1", "w1", "a1", "I ask Bertel about the fog.")
                .narration("s1", "w1", "a1", "n1", 0, "Bertel shrugs and polishes a glass.", List.of("l1"),
                        candidate(0, "Bertel shrugs and polishes a glass.", CandidateOutcome.CHOSEN),
                        candidate(1, "The fog the fog the fog.", CandidateOutcome.OUTRANKED),
                        candidate(2, "Nothing.", CandidateOutcome.FAILED))
                .narration("s1", "w1", "a1", "n1", 1, "Bertel leans close: the fog took his brother.", List.of("l1"))
                .edit("s1", "n1", "Bertel leans close: the fog took his brother.",
                        "Bertel leans close and whispers that the fog took his brother.")
                .rate("s1", "n1", 5)
                .flag("s1", "w1", "n1", "Bertel leans close and whispers that the fog took his brother.", null, 0);
    }

    @Test
    void theNarrationThatStandsIsTheAssistantTurnOfItsRecordedPrompt() throws IOException {
        playedStory().export(all(), directory);

        List<JsonNode> sft = lines("sft.train.jsonl");
        assertThat(sft).hasSize(1);
        JsonNode messages = sft.getFirst().get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).contains("The Lantern Coast", "The Gilded Eel")
                .doesNotContain("The Fog:"); // lore the provenance does not name was not in the prompt
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("I ask Bertel about the fog.");
        assertThat(messages.get(2).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asText()).isEqualTo("Bertel leans close and whispers that the fog took his brother.");
    }

    @Test
    void preferencesComeFromLosingCandidatesRetriesAndEdits() throws IOException {
        playedStory().export(all(), directory);

        List<JsonNode> preferences = lines("preferences.train.jsonl");
        assertThat(preferences).extracting(p -> p.get("source").asText()).containsExactlyInAnyOrder("candidates", "edit", "retry");
        JsonNode candidates = bySource(preferences, "candidates");
        assertThat(candidates.get("chosen").asText()).isEqualTo("Bertel shrugs and polishes a glass.");
        assertThat(candidates.get("rejected").asText()).isEqualTo("The fog the fog the fog.");
        assertThat(candidates.get("prompt").get(1).get("content").asText()).isEqualTo("I ask Bertel about the fog.");
        JsonNode retry = bySource(preferences, "retry");
        assertThat(retry.get("chosen").asText()).isEqualTo("Bertel leans close: the fog took his brother.");
        assertThat(retry.get("rejected").asText()).isEqualTo("Bertel shrugs and polishes a glass.");
        JsonNode edit = bySource(preferences, "edit");
        assertThat(edit.get("chosen").asText()).isEqualTo("Bertel leans close and whispers that the fog took his brother.");
        assertThat(edit.get("rejected").asText()).isEqualTo("Bertel leans close: the fog took his brother.");
    }

    @Test
    void editsAndFlagsStoredWithoutTheirTextTakeItFromTheBeatsOwnEvents() throws IOException {
        new HandBuiltLog().world("w1", "W").story("s1", "w1").action("s1", "w1", "a1", "I wait.")
                .narration("s1", "w1", "a1", "n1", 0, "The tide turns.", List.of())
                .edit("s1", "n1", null, "The tide turns black.")
                .flag("s1", "w1", "n1", null, HarmCategory.VIOLENCE, 1)
                .edit("s1", "n1", null, "The tide turns red.")
                .export(all(), directory);

        assertThat(lines("preferences.train.jsonl")).filteredOn(p -> p.get("source").asText().equals("edit"))
                .extracting(p -> p.get("chosen").asText() + " over " + p.get("rejected").asText())
                .containsExactlyInAnyOrder("The tide turns black. over The tide turns.",
                        "The tide turns red. over The tide turns black.");
        assertThat(lines("guardrail.train.jsonl")).filteredOn(g -> g.get("reviewed").asBoolean())
                .extracting(g -> g.get("text").asText()).containsExactly("The tide turns black.");
    }

    @Test
    void selectingTheFirstAlternativeAgainMakesItTheChosenOne() throws IOException {
        new HandBuiltLog().world("w1", "W").story("s1", "w1").action("s1", "w1", "a1", "I wait.")
                .narration("s1", "w1", "a1", "n1", 0, "The first telling.", List.of())
                .narration("s1", "w1", "a1", "n1", 1, "The second telling.", List.of())
                .select("s1", "n1", 0)
                .export(all(), directory);

        JsonNode retry = bySource(lines("preferences.train.jsonl"), "retry");
        assertThat(retry.get("chosen").asText()).isEqualTo("The first telling.");
        assertThat(retry.get("rejected").asText()).isEqualTo("The second telling.");
        assertThat(lines("sft.train.jsonl").getFirst().get("messages").get(2).get("content").asText()).isEqualTo("The first telling.");
    }

    @Test
    void ratingsDetectorAndGuardrailRecordsCarryTheirLabels() throws IOException {
        playedStory().flag("s1", "w1", "a1", "I ask Bertel about the fog.", HarmCategory.VIOLENCE, 2).export(all(), directory);

        JsonNode rating = lines("ratings.train.jsonl").getFirst();
        assertThat(rating.get("rating").asInt()).isEqualTo(5);
        assertThat(rating.get("response").asText()).isEqualTo("Bertel leans close and whispers that the fog took his brother.");
        assertThat(rating.get("rater").asText()).startsWith("user-");

        List<JsonNode> detector = lines("detector.train.jsonl");
        assertThat(detector).filteredOn(d -> d.get("label").asText().equals("human")).extracting(d -> d.get("source").asText())
                .containsExactlyInAnyOrder("lore", "lore", "action", "edit");
        assertThat(detector).filteredOn(d -> d.get("label").asText().equals("generated")).hasSize(2);

        List<JsonNode> guardrail = lines("guardrail.train.jsonl");
        JsonNode violent = guardrail.stream().filter(g -> g.get("severity").asInt() == 2).findFirst().orElseThrow();
        assertThat(violent.get("categories").get(0).asText()).isEqualTo("violence");
        assertThat(violent.get("allowed").toString()).isEqualTo("{\"E\":false,\"T\":true,\"M\":true,\"AO\":true}");
        assertThat(violent.get("reviewed").asBoolean()).isTrue();
        JsonNode cleared = guardrail.stream().filter(g -> g.get("source").asText().equals("narration")).findFirst().orElseThrow();
        assertThat(cleared.get("severity").asInt()).isZero();
        assertThat(cleared.get("reviewed").asBoolean()).isTrue();
    }

    @Test
    void aTextSeenBeforeIsWrittenOnceWhateverItsCaseAndSpacing() throws IOException {
        CorpusManifest manifest = new HandBuiltLog().world("w1", "W")
                .story("s1", "w1").action("s1", "w1", "a1", "I open the door.")
                .story("s2", "w1").action("s2", "w1", "a2", "  i OPEN the   door. ")
                .export(all(), directory);

        assertThat(lines("detector.train.jsonl")).hasSize(1);
        assertThat(manifest.duplicates().get(CorpusDataset.DETECTOR)).isEqualTo(1);
    }

    @Test
    void noStoryLiesInBothSplits() throws IOException {
        HandBuiltLog log = new HandBuiltLog().world("w1", "W");
        for (int i = 0; i < 60; i++) {
            log.story("s" + i, "w1").action("s" + i, "w1", "a" + i, "Story marker " + i + " begins.")
                    .narration("s" + i, "w1", "a" + i, "n" + i, 0, "Story marker " + i + " answers.", List.of());
        }
        CorpusSelection half = new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.5, 7);
        log.export(half, directory);

        List<String> train = markers("train");
        List<String> holdout = markers("holdout");
        assertThat(train).isNotEmpty();
        assertThat(holdout).isNotEmpty();
        assertThat(train).doesNotContainAnyElementsOf(holdout);
        assertThat(new java.util.HashSet<>(train).size() + new java.util.HashSet<>(holdout).size()).isEqualTo(60);
    }

    @Test
    void personalDataAndSecretsNeverReachAFile() throws IOException {
        new HandBuiltLog().world("w1", "W").story("s1", "w1")
                .action("s1", "w1", "a1", "Mail me at jane.doe@example.com or call +1 415 555 0132, key sk-proj-abcdefghijklmnop1234567890,"
                        + " see https://admin:hunter2@db.example.com/x in 1999")
                .narration("s1", "w1", "a1", "n1", 0, "The raven brings a letter.", List.of())
                .rate("s1", "n1", 4)
                .export(all(), directory);

        String everything = everyFile();
        assertThat(everything).doesNotContain("jane.doe", "555 0132", "sk-proj", "hunter2", "alice@example.org", "moderator-bob")
                .contains("[email]", "[phone]", "[secret]", "[url]", "in 1999");
    }

    @Test
    void theSameLogAndSelectionMakeTheSameFilesAndAnotherSeedAnotherSplit() throws IOException {
        HandBuiltLog log = new HandBuiltLog().world("w1", "W");
        for (int i = 0; i < 20; i++) {
            log.story("s" + i, "w1").action("s" + i, "w1", "a" + i, "Act " + i)
                    .narration("s" + i, "w1", "a" + i, "n" + i, 0, "Answer " + i, List.of());
        }
        CorpusSelection selection = new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.3, 7);
        CorpusManifest first = log.export(selection, directory.resolve("a"));
        CorpusManifest again = log.export(first.reproduction(), directory.resolve("b"));
        CorpusManifest reseeded = log.export(new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.3, 8),
                directory.resolve("c"));

        assertThat(again.digest()).isEqualTo(first.digest());
        for (CorpusFile file : first.files()) {
            assertThat(Files.readAllBytes(directory.resolve("b").resolve(file.name())))
                    .isEqualTo(Files.readAllBytes(directory.resolve("a").resolve(file.name())));
        }
        assertThat(reseeded.digest()).isNotEqualTo(first.digest());
        assertThat(Files.readString(directory.resolve("a").resolve("manifest.json"))).contains("\"digest\" : \"" + first.digest());
    }

    @Test
    void eventsBeforeTheRangeGiveContextButNoRecords() throws IOException {
        HandBuiltLog log = new HandBuiltLog().world("w1", "W").lore("w1", "l1", "The Bell", "It rings under water.")
                .story("s1", "w1").action("s1", "w1", "a1", "I listen.");
        long from = log.events.size();
        log.narration("s1", "w1", "a1", "n1", 0, "You hear the bell.", List.of("l1"));
        CorpusSelection selection = new CorpusSelection(from, null, null, null, List.of(), List.of(), List.of(), 0, 7);

        CorpusManifest manifest = log.export(selection, directory);

        assertThat(manifest.firstSequence()).isEqualTo(from);
        JsonNode messages = lines("sft.train.jsonl").getFirst().get("messages");
        assertThat(messages.get(0).get("content").asText()).contains("The Bell: It rings under water.");
        assertThat(messages.get(1).get("content").asText()).isEqualTo("I listen.");
        assertThat(lines("detector.train.jsonl")).extracting(d -> d.get("label").asText()).containsExactly("generated");
    }

    @Test
    void worldsAndEventTypesNarrowWhatIsWritten() throws IOException {
        HandBuiltLog log = playedStory().world("w2", "Other").story("s2", "w2").action("s2", "w2", "b1", "Elsewhere.");
        CorpusSelection selection = new CorpusSelection(null, null, null, null, List.of("w2"), List.of("PlayerActionSubmitted"),
                List.of(CorpusDataset.DETECTOR), 0, 7);

        CorpusManifest manifest = log.export(selection, directory);

        assertThat(lines("detector.train.jsonl")).extracting(d -> d.get("text").asText()).containsExactly("Elsewhere.");
        assertThat(manifest.files()).extracting(CorpusFile::dataset).containsOnly(CorpusDataset.DETECTOR);
        assertThat(Files.exists(directory.resolve("sft.train.jsonl"))).isFalse();
    }

    @Test
    void anUnknownEventTypeIsRejectedByName() {
        CorpusSelection selection = new CorpusSelection(null, null, null, null, List.of(), List.of("WorldCreated"), List.of(), 0, 7);

        assertThatThrownBy(() -> new RecordFilter(selection)).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("selection.eventTypes[0]");
    }

    private JsonNode bySource(List<JsonNode> preferences, String source) {
        return preferences.stream().filter(p -> p.get("source").asText().equals(source)).findFirst().orElseThrow();
    }

    private List<String> markers(String split) throws IOException {
        List<String> markers = new ArrayList<>();
        for (String dataset : List.of("sft", "detector", "guardrail")) {
            for (JsonNode line : lines(dataset + "." + split + ".jsonl")) {
                java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("marker (\\d+)").matcher(line.toString());
                while (matcher.find()) {
                    markers.add(matcher.group(1));
                }
            }
        }
        return markers;
    }

    private String everyFile() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private List<JsonNode> lines(String name) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve(name))) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
