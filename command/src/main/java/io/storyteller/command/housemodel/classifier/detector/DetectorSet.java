package io.storyteller.command.housemodel.classifier.detector;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.command.housemodel.classifier.LabelledLines;
import io.storyteller.command.housemodel.classifier.LabelledSetException;
import java.util.List;

/** Reads detector sets: {@code {"id","text","label":"human"|"generated"}} a line. */
public final class DetectorSet {

    /** The default training set, shipped from {@code docs/eval/} by the build. */
    public static final String RESOURCE = "eval/detector.jsonl";

    private DetectorSet() {
    }

    public static List<DetectorCase> parse(List<String> lines) {
        return LabelledLines.parse(lines, (line, node) -> parse(line, node));
    }

    public static List<DetectorCase> builtIn() {
        return parse(LabelledLines.resource(RESOURCE));
    }

    private static DetectorCase parse(int line, JsonNode node) {
        String id = LabelledLines.requiredText(line, node, "id");
        String text = LabelledLines.requiredText(line, node, "text");
        return switch (LabelledLines.requiredText(line, node, "label")) {
            case "human" -> new DetectorCase(id, text, false);
            case "generated" -> new DetectorCase(id, text, true);
            default -> throw new LabelledSetException(line, "label", "human|generated", "must be human or generated");
        };
    }
}
