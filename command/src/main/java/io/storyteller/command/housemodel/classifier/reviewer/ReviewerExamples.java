package io.storyteller.command.housemodel.classifier.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.command.housemodel.classifier.LabelledText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reviewer's examples from a corpus export's lines: a RATINGS record's {@code response} is good
 * at a rating of 4 or 5 and poor at 1 or 2 (a 3 says neither, and is left out); a PREFERENCES
 * record's {@code chosen} is good and its {@code rejected} poor. Only the narration is learnt: the
 * prompt is the story, which the narration is judged against but which is no trait of it. A
 * validation reads the prompt too ({@link #rated}), for reviewers that judge in context.
 */
public final class ReviewerExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A narration with players' verdict and the story it answered, as its record's {@code prompt}
     * gives it: the user's turns as {@code "> "} lines, the narrator's as they are, the last user
     * turn as the action (empty without a prompt).
     */
    public record Rated(String narration, boolean good, List<String> story, String action) {

        public LabelledText example() {
            return ReviewerExamples.example(narration, good);
        }
    }

    private ReviewerExamples() {
    }

    public static List<LabelledText> ofRatings(List<String> lines) {
        return read(lines, false).stream().map(Rated::example).toList();
    }

    public static List<LabelledText> ofPreferences(List<String> lines) {
        return read(lines, true).stream().map(Rated::example).toList();
    }

    /** A file of either kind, told apart by its first record: a {@code chosen} field makes it preferences. */
    public static List<Rated> rated(List<String> lines) {
        JsonNode first = lines.stream().filter(line -> !line.isBlank()).findFirst().map(line -> parse(line, 1)).orElse(null);
        return read(lines, first != null && first.has("chosen"));
    }

    /** Whether the line is a ratings or preferences record (rather than another labelled set's). */
    public static boolean isRecord(String line) {
        try {
            JsonNode record = JSON.readTree(line);
            return record != null && (record.has("rating") && record.has("response") || record.has("chosen"));
        } catch (IOException e) {
            return false;
        }
    }

    public static LabelledText example(String narration, boolean good) {
        return new LabelledText(narration, List.of(), good ? Set.of(HouseReviewer.GOOD) : Set.of());
    }

    private static List<Rated> read(List<String> lines, boolean preferences) {
        List<Rated> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode record = parse(lines.get(i), i + 1);
            List<String> story = new ArrayList<>();
            String action = story(record.path("prompt"), story);
            if (preferences) {
                examples.add(new Rated(text(record, "chosen", i + 1), true, story, action));
                examples.add(new Rated(text(record, "rejected", i + 1), false, story, action));
                continue;
            }
            String response = text(record, "response", i + 1);
            JsonNode rating = record.path("rating");
            if (!rating.isInt() || rating.asInt() < 1 || rating.asInt() > 5) {
                throw new LabelledSetException(i + 1, "rating", "range:1..5", "rating must be a whole number from 1 to 5");
            }
            if (rating.asInt() != 3) {
                examples.add(new Rated(response, rating.asInt() >= 4, story, action));
            }
        }
        return examples;
    }

    /** Fills {@code story} from the prompt's turns and returns the last user turn. */
    private static String story(JsonNode prompt, List<String> story) {
        String action = "";
        for (JsonNode turn : prompt) {
            String content = turn.path("content").asText("").strip();
            switch (turn.path("role").asText("")) {
                case "user" -> {
                    story.add("> " + content);
                    action = content;
                }
                case "assistant" -> story.add(content);
                default -> {
                    // the system prompt is the narrator's instructions, not the story
                }
            }
        }
        return action;
    }

    private static String text(JsonNode record, String field, int line) {
        String text = record.path(field).asText("").strip();
        if (!record.path(field).isTextual() || text.isEmpty()) {
            throw new LabelledSetException(line, field, "required", field + " must be a non-empty text");
        }
        return text;
    }

    private static JsonNode parse(String line, int number) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new LabelledSetException(number, "line", "json", "the line is not JSON");
        }
    }
}
