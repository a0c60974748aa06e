package io.storyteller.command.discovery;

import com.fasterxml.jackson.databind.JsonNode;

/** Small readings of catalogue JSON. */
final class CatalogueJson {

    private CatalogueJson() {
    }

    /** The first of the fields that holds a positive whole number, else 0. */
    static int firstInt(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.canConvertToInt() && value.asInt() > 0) {
                return value.asInt();
            }
        }
        return 0;
    }

    /** The field's text, null when absent or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
