package io.storyteller.command.continuity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a labelled set, one JSON object a line. A line that breaks a rule is reported with its
 * number, the field and the rule, and skipped; blank lines are allowed.
 */
public final class ContinuityCaseReader {

    /** A line that could not be read: where, which field, which rule. */
    public record BadLine(int lineNumber, String field, String rule) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + field + " " + rule;
        }
    }

    /** The cases read and the lines refused. */
    public record Reading(List<ContinuityCase> cases, List<BadLine> badLines) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public Reading read(List<String> lines) {
        List<ContinuityCase> cases = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                cases.add(parse(i + 1, JSON.readTree(line)));
            } catch (JsonProcessingException e) {
                bad.add(new BadLine(i + 1, "line", "must be one JSON object (" + e.getOriginalMessage() + ")"));
            } catch (Refused refused) {
                bad.add(refused.badLine);
            }
        }
        return new Reading(cases, bad);
    }

    private static ContinuityCase parse(int n, JsonNode node) {
        if (!node.isObject()) {
            throw new Refused(new BadLine(n, "line", "must be a JSON object"));
        }
        String label = text(n, node, "label", true);
        if (!label.equals("consistent") && !label.equals("contradiction")) {
            throw new Refused(new BadLine(n, "label", "must be \"consistent\" or \"contradiction\""));
        }
        String kind = text(n, node, "kind", false);
        if (kind != null && ContinuityKind.fromLabel(kind) == null) {
            throw new Refused(new BadLine(n, "kind", "must be one of the ten kinds (death, destroyed-place, name, "
                    + "possession, location, count, time, relationship, physical-state, lore-rule)"));
        }
        return new ContinuityCase(text(n, node, "id", true), text(n, node, "genre", false), texts(n, node, "lore"),
                texts(n, node, "story"), text(n, node, "candidate", true), label.equals("contradiction"), kind);
    }

    private static String text(int n, JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Refused(new BadLine(n, field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            throw new Refused(new BadLine(n, field, "must be a non-blank string"));
        }
        return value.asText();
    }

    private static List<String> texts(int n, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Refused(new BadLine(n, field, "must be an array of strings"));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new Refused(new BadLine(n, field, "must be an array of strings"));
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /** Carries a bad line out of the parsing of one line. */
    private static final class Refused extends RuntimeException {
        private final transient BadLine badLine;

        Refused(BadLine badLine) {
            super(badLine.toString(), null, false, false);
            this.badLine = badLine;
        }
    }
}
