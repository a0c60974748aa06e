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
 * prompt is the story, which the narration is judged against but which is no trait of it.
 */
public final class ReviewerExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewerExamples() {
    }

    public static List<LabelledText> ofRatings(List<String> lines) {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode record = parse(lines.get(i), i + 1);
            String response = text(record, "response", i + 1);
            JsonNode rating = record.path("rating");
            if (!rating.isInt() || rating.asInt() < 1 || rating.asInt() > 5) {
                throw new LabelledSetException(i + 1, "rating", "range:1..5", "rating must be a whole number from 1 to 5");
            }
            if (rating.asInt() != 3) {
                examples.add(example(response, rating.asInt() >= 4));
            }
        }
        return examples;
    }

    public static List<LabelledText> ofPreferences(List<String> lines) {
        List<LabelledText> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode record = parse(lines.get(i), i + 1);
            examples.add(example(text(record, "chosen", i + 1), true));
            examples.add(example(text(record, "rejected", i + 1), false));
        }
        return examples;
    }

    public static LabelledText example(String narration, boolean good) {
        return new LabelledText(narration, List.of(), good ? Set.of(HouseReviewer.GOOD) : Set.of());
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
