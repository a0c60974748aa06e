package io.storyteller.ops.e2e.fuzz;

import java.util.Map;

/** A type as introspection names it: NON_NULL and LIST wrap another, the rest are named. */
record TypeRef(String kind, String name, TypeRef ofType) {

    @SuppressWarnings("unchecked")
    static TypeRef of(Map<String, Object> type) {
        Object inner = type.get("ofType");
        return new TypeRef((String) type.get("kind"), (String) type.get("name"),
                inner == null ? null : of((Map<String, Object>) inner));
    }

    boolean nonNull() {
        return kind.equals("NON_NULL");
    }

    /** The type without its NON_NULL wrapper. */
    TypeRef nullable() {
        return nonNull() ? ofType : this;
    }

    boolean list() {
        return nullable().kind.equals("LIST");
    }

    /** The list's element type; only for lists. */
    TypeRef element() {
        return nullable().ofType;
    }

    /** The named type under every wrapper. */
    TypeRef named() {
        return ofType == null ? this : ofType.named();
    }

    /** As a variable is declared with it, e.g. {@code [String!]!}. */
    String declaration() {
        return switch (kind) {
            case "NON_NULL" -> ofType.declaration() + "!";
            case "LIST" -> "[" + ofType.declaration() + "]";
            default -> name;
        };
    }

    @Override
    public String toString() {
        return declaration();
    }
}
