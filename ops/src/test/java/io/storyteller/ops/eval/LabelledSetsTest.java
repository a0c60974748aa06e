package io.storyteller.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The labelled sets in {@code docs/eval/} that the continuity and guardrail stages are evaluated on
 * stay well-formed, balanced and true to the written rating policy ({@code guardrail-policy.md}).
 */
class LabelledSetsTest {

    private static final Path SETS = Path.of("..", "docs", "eval");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KINDS = List.of("death", "destroyed-place", "name", "possession", "location",
            "count", "time", "relationship", "physical-state", "lore-rule");
    private static final List<String> RATINGS = List.of("E", "T", "M", "AO");
    /** The lowest rating that allows a category at severity 1, 2, 3 (index into RATINGS), as the policy states it. */
    private static final Map<String, int[]> LOWEST_ALLOWING = Map.of(
            "violence", new int[] {0, 1, 2},
            "sexual", new int[] {1, 2, 3},
            "self-harm", new int[] {1, 2, 3},
            "hate", new int[] {1, 2, 3},
            "harassment", new int[] {1, 1, 3},
            "illegal", new int[] {1, 1, 3});

    @Test
    void theContinuitySetIsBalancedOverAllTenKinds() throws IOException {
        List<JsonNode> cases = read("continuity.jsonl");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
        Map<String, int[]> perKind = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode c : cases) {
            assertThat(ids.add(c.path("id").asText())).as("unique id %s", c.path("id")).isTrue();
            assertThat(KINDS).as("kind of %s", c.path("id")).contains(c.path("kind").asText());
            assertThat(c.path("label").asText()).isIn("consistent", "contradiction");
            assertThat(c.path("lore").size()).as("lore of %s", c.path("id")).isBetween(1, 4);
            assertThat(c.path("story").size()).as("story of %s", c.path("id")).isBetween(3, 8);
            assertThat(c.path("candidate").asText()).isNotBlank();
            perKind.computeIfAbsent(c.path("kind").asText(), k -> new int[2])["contradiction".equals(c.path("label").asText()) ? 1 : 0]++;
        }
        assertThat(perKind.keySet()).containsExactlyInAnyOrderElementsOf(KINDS);
        perKind.forEach((kind, counts) -> assertThat(Math.min(counts[0], counts[1])).as("cases of each label in %s", kind)
                .isGreaterThanOrEqualTo(6));
        long contradictions = cases.stream().filter(c -> "contradiction".equals(c.path("label").asText())).count();
        assertThat(contradictions * 2).isEqualTo(cases.size());
    }

    @Test
    void theProseSetIsOrdinaryConsistentNarrationOfManyGenres() throws IOException {
        List<JsonNode> cases = read("continuity-prose.jsonl");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(120);
        Set<String> ids = new HashSet<>(read("continuity.jsonl").stream().map(c -> c.path("id").asText()).toList());
        Set<String> genres = new HashSet<>();
        Set<String> candidates = new HashSet<>();
        for (JsonNode c : cases) {
            String id = c.path("id").asText();
            assertThat(ids.add(id)).as("id %s unique across both continuity sets", id).isTrue();
            assertThat(c.path("label").asText()).as(id).isEqualTo("consistent");
            assertThat(KINDS).as("kind of %s", id).contains(c.path("kind").asText());
            assertThat(c.path("lore").size()).as("lore of %s", id).isBetween(1, 4);
            assertThat(c.path("story").size()).as("story of %s", id).isBetween(3, 8);
            assertThat(c.path("candidate").asText()).as(id).isNotBlank();
            assertThat(candidates.add(c.path("candidate").asText())).as("candidate of %s told once", id).isTrue();
            assertThat(c.path("why").asText()).as(id).isNotBlank();
            genres.add(c.path("genre").asText());
        }
        assertThat(genres).as("genres").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theGuardrailSetFollowsTheRatingPolicy() throws IOException {
        List<JsonNode> rows = read("guardrail.jsonl");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
        assertThat(perCategory(rows).values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
    }

    /** The second training file: mostly ordinary play, so a guardrail learns what benign text looks like. */
    @Test
    void theGuardrailTrainingAdditionsFollowTheRatingPolicyAndAreMostlyOrdinaryPlay() throws IOException {
        List<JsonNode> rows = read("guardrail-more.jsonl");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
        long benign = rows.stream().filter(row -> row.path("severity").asInt() == 0).count();
        assertThat(benign * 2).as("benign rows").isGreaterThan(rows.size());
        assertThat(perCategory(rows).values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(20));
    }

    /** The held-out set is never trained on: no id or text of it is in a training file. */
    @Test
    void theGuardrailHeldOutSetFollowsTheRatingPolicyAndSharesNothingWithTraining() throws IOException {
        List<JsonNode> heldOut = read("guardrail-holdout.jsonl");
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(200);
        assertThat(perCategory(heldOut).values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
        Set<String> trainedIds = new HashSet<>();
        Set<String> trainedTexts = new HashSet<>();
        for (String file : List.of("guardrail.jsonl", "guardrail-more.jsonl")) {
            for (JsonNode row : read(file)) {
                assertThat(trainedIds.add(row.path("id").asText())).as("unique id %s", row.path("id")).isTrue();
                trainedTexts.add(normalised(row.path("text").asText()));
            }
        }
        for (JsonNode row : heldOut) {
            assertThat(trainedIds).as("held-out id").doesNotContain(row.path("id").asText());
            assertThat(trainedTexts).as("held-out text").doesNotContain(normalised(row.path("text").asText()));
        }
    }

    private static String normalised(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).strip();
    }

    /** Checks every row against the policy and returns the rows per category. */
    private static Map<String, Integer> perCategory(List<JsonNode> rows) {
        Map<String, Integer> perCategory = new HashMap<>();
        Set<String> ids = new HashSet<>();
        List<String> broken = new ArrayList<>();
        for (JsonNode row : rows) {
            String id = row.path("id").asText();
            assertThat(ids.add(id)).as("unique id %s", id).isTrue();
            int severity = row.path("severity").asInt(-1);
            List<String> categories = new ArrayList<>();
            row.path("categories").forEach(c -> categories.add(c.asText()));
            categories.forEach(c -> perCategory.merge(c, 1, Integer::sum));
            boolean[] allowed = new boolean[RATINGS.size()];
            for (int r = 0; r < RATINGS.size(); r++) {
                allowed[r] = row.path("allowed").path(RATINGS.get(r)).asBoolean();
            }
            assertThat(row.path("text").asText()).as(id).isNotBlank();
            assertThat(row.path("source").asText()).as(id).isIn("player", "narration");
            assertThat(LOWEST_ALLOWING.keySet()).as(id).containsAll(categories);
            assertThat(severity).as(id).isBetween(0, 3);
            if (categories.isEmpty() != (severity == 0)) {
                broken.add(id + ": benign exactly when severity 0");
            } else if (!matchesPolicy(categories, severity, allowed)) {
                broken.add(id + ": allowed " + row.path("allowed") + " for " + categories + " at severity " + severity);
            }
        }
        assertThat(broken).isEmpty();
        assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(LOWEST_ALLOWING.keySet());
        return perCategory;
    }

    /** Allowed from the lowest rating the strictest category permits upwards; or, at severity 3, never. */
    private static boolean matchesPolicy(List<String> categories, int severity, boolean[] allowed) {
        int lowest = categories.stream().mapToInt(c -> LOWEST_ALLOWING.get(c)[severity - 1]).max().orElse(0);
        boolean never = severity == 3 && !allowed[0] && !allowed[1] && !allowed[2] && !allowed[3];
        boolean fromLowest = true;
        for (int r = 0; r < allowed.length; r++) {
            fromLowest &= allowed[r] == (r >= lowest);
        }
        return never || fromLowest || severity == 0 && allowed[0] && allowed[3];
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(SETS.resolve(file))) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
