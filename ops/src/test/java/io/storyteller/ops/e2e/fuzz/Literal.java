package io.storyteller.ops.e2e.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a value as a GraphQL literal inside the document, guided by its type: enum values bare,
 * strings quoted, input objects as {@code {field: value}}. A {@link Raw} is written as it stands,
 * which is how a bad literal (an unquoted word, a number where a string belongs) gets in.
 */
final class Literal {

    /** Literal text to put in the document verbatim. */
    record Raw(String text) {
    }

    private Literal() {
    }

    static String of(Object value, TypeRef type, LiveSchema schema) {
        return switch (value) {
            case null -> "null";
            case Raw raw -> raw.text();
            case Map<?, ?> map -> "{" + map.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + of(entry.getValue(), fieldType(type, (String) entry.getKey(), schema), schema))
                    .collect(Collectors.joining(", ")) + "}";
            case List<?> list -> "[" + list.stream().map(item -> of(item, type == null || !type.list() ? null : type.element(), schema))
                    .collect(Collectors.joining(", ")) + "]";
            case String text when type != null && schema.kind(type.named().name()).equals("ENUM") -> text;
            case String text -> quote(text);
            default -> String.valueOf(value);
        };
    }

    /** A GraphQL string literal: quotes, backslashes and C0 controls escaped, everything else as it is. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static TypeRef fieldType(TypeRef inputType, String field, LiveSchema schema) {
        if (inputType == null || !schema.kind(inputType.named().name()).equals("INPUT_OBJECT")) {
            return null;
        }
        return schema.inputFields(inputType.named().name()).stream().filter(f -> f.name().equals(field))
                .map(LiveSchema.InputValue::type).findFirst().orElse(null);
    }
}
