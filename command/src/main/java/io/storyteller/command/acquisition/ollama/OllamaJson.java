package io.storyteller.command.acquisition.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads Ollama's answers; a field the server leaves out is null (or 0 for sizes). */
final class OllamaJson {

    private OllamaJson() {
    }

    static OllamaModelSummary summary(JsonNode model) {
        String name = text(model, "name") != null ? text(model, "name") : text(model, "model");
        JsonNode details = model.path("details");
        return new OllamaModelSummary(name, text(model, "digest"), model.path("size").asLong(0), instant(text(model, "modified_at")),
                text(details, "family"), text(details, "parameter_size"), text(details, "quantization_level"));
    }

    static OllamaModelDetails details(String name, JsonNode show) {
        JsonNode details = show.path("details");
        return new OllamaModelDetails(name, text(show, "modelfile"), text(show, "parameters"), text(show, "template"),
                text(show, "license"), text(details, "format"), text(details, "family"), texts(details.path("families")),
                text(details, "parameter_size"), text(details, "quantization_level"), texts(show.path("capabilities")),
                contextLength(show.path("model_info")));
    }

    static OllamaPullLine pullLine(JsonNode line) {
        return new OllamaPullLine(text(line, "status"), text(line, "digest"), line.path("total").asLong(0),
                line.path("completed").asLong(0), text(line, "error"));
    }

    /** {@code model_info} names it per architecture: {@code llama.context_length}, {@code bert.context_length}. */
    private static Integer contextLength(JsonNode info) {
        for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().endsWith(".context_length") && field.getValue().canConvertToInt() && field.getValue().asInt() > 0) {
                return field.getValue().asInt();
            }
        }
        return null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A server's own words, on one line, without control characters, at most {@code max} characters. */
    static String clean(String text, int max) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "…";
    }
}
