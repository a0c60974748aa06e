package io.storyteller.ops.e2e.fuzz;

import io.storyteller.ops.e2e.fuzz.Literal.Raw;

/**
 * One bad value and its kind, as sent in variables (a JSON value) and inline (GraphQL literal text).
 *
 * @param kind    what makes it bad, as the report names it
 * @param json    the value as the variables carry it
 * @param literal the literal text in the document, or null when it has none
 */
record BadValue(String kind, Object json, Raw literal) {

    static BadValue text(String kind, String text) {
        return new BadValue(kind, text, new Raw(Literal.quote(text)));
    }

    /** A value written the same way in JSON and in GraphQL: numbers, booleans, null. */
    static BadValue plain(String kind, Object json) {
        return new BadValue(kind, json, new Raw(String.valueOf(json)));
    }

    static BadValue of(String kind, Object json, String literal) {
        return new BadValue(kind, json, new Raw(literal));
    }

    /** The same bad value as the only element of a list. */
    BadValue listed() {
        return new BadValue("[" + kind + "]", java.util.Collections.singletonList(json),
                literal == null ? null : new Raw("[" + literal.text() + "]"));
    }

    @Override
    public String toString() {
        return kind;
    }
}
