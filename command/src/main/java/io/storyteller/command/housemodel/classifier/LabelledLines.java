package io.storyteller.command.housemodel.classifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Reads a JSON-lines labelled set, one object a line; blank lines are skipped, a bad line is named. */
public final class LabelledLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledLines() {
    }

    /** Parses each non-blank line with {@code parse(lineNumber, object)}. */
    public static <T> List<T> parse(List<String> lines, BiFunction<Integer, JsonNode, T> parse) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new LabelledSetException(i + 1, "line", "json", "is not a JSON object");
            }
            if (!node.isObject()) {
                throw new LabelledSetException(i + 1, "line", "json", "is not a JSON object");
            }
            rows.add(parse.apply(i + 1, node));
        }
        return rows;
    }

    /** A classpath resource's lines (the labelled sets the build ships from {@code docs/eval}). */
    public static List<String> resource(String name) {
        try (InputStream in = LabelledLines.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    public static String requiredText(int line, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new LabelledSetException(line, field, "required", "must be a non-blank string");
        }
        return value.asText();
    }
}
