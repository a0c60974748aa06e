package io.storyteller.ops.e2e.fuzz;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema as a client sees it, read by introspection from the running server: the root
 * fields with their arguments, the input objects' fields and the enums' values.
 */
final class LiveSchema {

    static final String INTROSPECTION = """
            query {
              __schema {
                queryType { name } mutationType { name }
                types { kind name
                  fields { name args { name defaultValue type { ...T } } type { ...T } }
                  inputFields { name defaultValue type { ...T } }
                  enumValues { name } } } }
            fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }""";

    /** An argument or an input object's field. */
    record InputValue(String name, TypeRef type, String defaultValue) {

        /** Must be given: non-null and without a default. */
        boolean required() {
            return type.nonNull() && defaultValue == null;
        }
    }

    /** A field of Query or Mutation. */
    record RootField(String operation, String name, List<InputValue> args, TypeRef type) {

        @Override
        public String toString() {
            return (operation.equals("query") ? "Query." : "Mutation.") + name;
        }
    }

    private final Map<String, Map<String, Object>> types = new LinkedHashMap<>();
    private final String queryType;
    private final String mutationType;

    LiveSchema(FuzzHttp.Reply introspection) {
        List<Map<String, Object>> all = introspection.read("$.data.__schema.types");
        if (all == null) {
            throw new IllegalStateException("introspection failed: " + introspection);
        }
        all.forEach(type -> types.put((String) type.get("name"), type));
        queryType = introspection.read("$.data.__schema.queryType.name");
        mutationType = introspection.read("$.data.__schema.mutationType.name");
    }

    /** Every query field, then every mutation field, as the server lists them. */
    List<RootField> rootFields() {
        return java.util.stream.Stream.concat(fields("query", queryType).stream(), fields("mutation", mutationType).stream())
                .toList();
    }

    String kind(String typeName) {
        return (String) types.get(typeName).get("kind");
    }

    List<InputValue> inputFields(String inputType) {
        return values(JsonPath.read(types.get(inputType), "$.inputFields"));
    }

    List<String> enumValues(String enumType) {
        return JsonPath.read(types.get(enumType), "$.enumValues[*].name");
    }

    private List<RootField> fields(String operation, String typeName) {
        List<Map<String, Object>> fields = JsonPath.read(types.get(typeName), "$.fields");
        return fields.stream().map(field -> new RootField(operation, (String) field.get("name"),
                values(JsonPath.read(field, "$.args")), type(field))).toList();
    }

    private static List<InputValue> values(List<Map<String, Object>> values) {
        return values.stream().map(value -> new InputValue((String) value.get("name"), type(value),
                (String) value.get("defaultValue"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static TypeRef type(Map<String, Object> holder) {
        return TypeRef.of((Map<String, Object>) holder.get("type"));
    }
}
