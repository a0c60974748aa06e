package io.storyteller.command.housemodel.classifier.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.command.housemodel.classifier.LabelledLines;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.world.ContentRating;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads guardrail sets: {@code {"id","text","source":"player"|"narration","categories":[…],
 * "severity":0..3,"allowed":{"E","T","M","AO"}}} a line. The real-world mark is read from the
 * labels themselves: a severity-3 text no rating allows.
 */
public final class GuardrailSet {

    /** The default training sets, shipped from {@code docs/eval/} by the build. */
    public static final List<String> RESOURCES = List.of("eval/guardrail.jsonl", "eval/guardrail-more.jsonl");
    /**
     * Texts never trained on ({@code docs/eval/guardrail-holdout.jsonl}): the held-out measure of the
     * default model. Deliberately not among {@link #RESOURCES}.
     */
    public static final String HELD_OUT = "guardrail-holdout.jsonl";
    /** The policy's short names of the ratings, as the sets write them. */
    public static final Map<ContentRating, String> RATING_CODES = Map.of(ContentRating.EVERYONE, "E",
            ContentRating.TEEN, "T", ContentRating.MATURE, "M", ContentRating.ADULT, "AO");

    private GuardrailSet() {
    }

    public static List<GuardrailCase> parse(List<String> lines) {
        return LabelledLines.parse(lines, GuardrailSet::parse);
    }

    /** Every built-in training case, file after file. */
    public static List<GuardrailCase> builtIn() {
        return RESOURCES.stream().flatMap(resource -> parse(LabelledLines.resource(resource)).stream()).toList();
    }

    /** The built-in training sets in words, e.g. {@code "guardrail.jsonl + guardrail-more.jsonl"}. */
    public static String builtInName() {
        return String.join(" + ", RESOURCES.stream().map(resource -> resource.substring(resource.indexOf('/') + 1)).toList());
    }

    private static GuardrailCase parse(int line, JsonNode node) {
        String id = LabelledLines.requiredText(line, node, "id");
        String text = LabelledLines.requiredText(line, node, "text");
        TextSource source = switch (LabelledLines.requiredText(line, node, "source")) {
            case "player" -> TextSource.PLAYER;
            case "narration" -> TextSource.NARRATION;
            default -> throw new LabelledSetException(line, "source", "player|narration", "must be player or narration");
        };
        JsonNode severityNode = node.get("severity");
        if (severityNode == null || !severityNode.isInt() || severityNode.asInt() < 0 || severityNode.asInt() > 3) {
            throw new LabelledSetException(line, "severity", "range:0..3", "must be an integer from 0 to 3");
        }
        int severity = severityNode.asInt();
        JsonNode categoriesNode = node.get("categories");
        if (categoriesNode == null || !categoriesNode.isArray()) {
            throw new LabelledSetException(line, "categories", "required", "must be an array of category names");
        }
        Map<HarmCategory, Integer> severities = new EnumMap<>(HarmCategory.class);
        for (JsonNode category : categoriesNode) {
            HarmCategory known = HarmCategory.fromKey(category.asText()).orElseThrow(() -> new LabelledSetException(line,
                    "categories", "known-category", "'" + category.asText() + "' is none of violence, sexual, self-harm, hate, harassment, illegal"));
            severities.put(known, severity);
        }
        if (severities.isEmpty() != (severity == 0)) {
            throw new LabelledSetException(line, "categories", "benign-iff-severity-0",
                    "names categories exactly when severity is above 0");
        }
        JsonNode allowedNode = node.get("allowed");
        if (allowedNode == null || !allowedNode.isObject()) {
            throw new LabelledSetException(line, "allowed", "required", "must map E, T, M and AO to true or false");
        }
        Map<ContentRating, Boolean> allowed = new EnumMap<>(ContentRating.class);
        RATING_CODES.forEach((rating, code) -> {
            JsonNode value = allowedNode.get(code);
            if (value == null || !value.isBoolean()) {
                throw new LabelledSetException(line, "allowed." + code, "boolean", "must be true or false");
            }
            allowed.put(rating, value.asBoolean());
        });
        boolean never = severity == 3 && !allowed.containsValue(true);
        return new GuardrailCase(id, text, source, new HarmAssessment(severities, never), allowed);
    }
}
