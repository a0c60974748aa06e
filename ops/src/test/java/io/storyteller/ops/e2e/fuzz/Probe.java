package io.storyteller.ops.e2e.fuzz;

import io.storyteller.ops.e2e.fuzz.LiveSchema.InputValue;
import io.storyteller.ops.e2e.fuzz.LiveSchema.RootField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request of the fuzz: a root field called with valid arguments except at one position,
 * which holds a bad value, either as a variable or as a literal in the document.
 *
 * @param path the argument, then the input fields leading to the bad value
 */
record Probe(RootField field, List<String> path, BadValue value, boolean inline) {

    /** How deep input objects are followed, counting the argument. */
    static final int MAX_DEPTH = 4;

    /** A place a bad value can go. */
    record Position(List<String> path, TypeRef type) {
    }

    /** Every argument of the field and, within input objects, every field, bounded in depth. */
    static List<Position> positions(RootField field, LiveSchema schema) {
        List<Position> positions = new ArrayList<>();
        field.args().forEach(arg -> collect(List.of(arg.name()), arg.type(), schema, positions));
        return positions;
    }

    private static void collect(List<String> path, TypeRef type, LiveSchema schema, List<Position> into) {
        into.add(new Position(path, type));
        String named = type.named().name();
        if (path.size() < MAX_DEPTH && schema.kind(named).equals("INPUT_OBJECT")) {
            for (InputValue f : schema.inputFields(named)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(f.name());
                collect(deeper, f.type(), schema, into);
            }
        }
    }

    /** The document and variables that carry this probe. */
    Request request(LiveSchema schema, ValidValues valid) {
        Map<String, Object> arguments = valid.arguments(field, path.getFirst());
        place(arguments, schema, valid, inline ? value.literal() : value.json());
        String operation = field.operation();
        String selection = schema.kind(field.type().named().name()).equals("OBJECT") ? " { __typename }" : "";
        if (inline) {
            String args = arguments.entrySet().stream()
                    .map(arg -> arg.getKey() + ": " + Literal.of(arg.getValue(), argType(arg.getKey()), schema))
                    .collect(Collectors.joining(", "));
            return new Request(operation + " { " + field.name() + (args.isEmpty() ? "" : "(" + args + ")") + selection + " }",
                    Map.of());
        }
        String declarations = arguments.keySet().stream().map(name -> "$" + name + ": " + argType(name).declaration())
                .collect(Collectors.joining(", "));
        String args = arguments.keySet().stream().map(name -> name + ": $" + name).collect(Collectors.joining(", "));
        return new Request(operation + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " { " + field.name()
                + (args.isEmpty() ? "" : "(" + args + ")") + selection + " }", arguments);
    }

    /** Puts the bad value at the path, filling in valid parents that the valid arguments left out. */
    @SuppressWarnings("unchecked")
    private void place(Map<String, Object> arguments, LiveSchema schema, ValidValues valid, Object bad) {
        Map<String, Object> holder = arguments;
        TypeRef type = argType(path.getFirst());
        for (int i = 0; i < path.size() - 1; i++) {
            String name = path.get(i);
            Object child = holder.get(name);
            if (child == null) {
                child = valid.value(field.name(), name, type);
            }
            child = mutable(child);
            holder.put(name, child);
            if (child instanceof List<?> list) {
                child = list.getFirst();
            }
            holder = (Map<String, Object>) child;
            String next = path.get(i + 1);
            type = schema.inputFields(type.named().name()).stream().filter(f -> f.name().equals(next))
                    .map(InputValue::type).findFirst().orElseThrow();
        }
        holder.put(path.getLast(), bad);
    }

    private TypeRef argType(String name) {
        return field.args().stream().filter(arg -> arg.name().equals(name)).map(InputValue::type).findFirst().orElseThrow();
    }

    /** A deep copy whose maps and lists can be changed. */
    @SuppressWarnings("unchecked")
    private static Object mutable(Object value) {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put((String) key, mutable(item)));
                yield copy;
            }
            case List<?> list -> new ArrayList<>(list.stream().map(Probe::mutable).toList());
            default -> value;
        };
    }

    /** Where the probe is, e.g. {@code content.title}. */
    String where() {
        return String.join(".", path);
    }

    @Override
    public String toString() {
        return field + "(" + where() + ") = " + value.kind() + (inline ? " inline" : " as variable");
    }

    record Request(String document, Map<String, Object> variables) {
    }
}
