package io.storyteller.ops.e2e.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The corpus of bad values for one argument or input field, chosen by its type and name: broken
 * text for strings, out-of-range and non-numbers for numbers, unknown values for enums, malformed
 * instants and durations, values of the wrong JSON type, null where null is not allowed, and for
 * ids the ids of the fixture's other objects and of another user's world.
 */
final class BadValues {

    /** Just under the 64 KiB body limit once wrapped in a request, and well over it. */
    static final int JUST_UNDER = 60_000;
    static final int OVER = 100_000;
    /** How many element values a list position is tried with. */
    private static final int LIST_ELEMENTS = 6;

    private static final List<BadValue> TEXT = List.of(
            BadValue.text("empty string", ""),
            BadValue.text("whitespace only", " \t\n "),
            BadValue.text("60k chars", "x".repeat(JUST_UNDER)),
            BadValue.text("100k chars", "x".repeat(OVER)),
            BadValue.text("NUL", "fog\u0000fog"),
            BadValue.text("C0 controls", "\u0001\u0007\u0008\u001B\u001F\u007F"),
            BadValue.text("lone high surrogate", "\uD800"),
            BadValue.text("lone low surrogate", "fog\uDC00"),
            BadValue.text("RTL override", "\u202Eevil\u202C"),
            BadValue.text("BOM and zero-width", "\uFEFF\u200B\u200D"),
            BadValue.text("non-characters", "\uFFFF\uFFFE"));

    private static final List<BadValue> WRONG_TYPES = List.of(
            BadValue.of("object", Map.of("a", 1), "{a: 1}"),
            BadValue.of("list", List.of("x"), "[\"x\"]"),
            BadValue.plain("number", 42),
            BadValue.plain("boolean", true),
            BadValue.text("string", "fog"));

    private static final List<BadValue> INTEGERS = List.of(
            BadValue.plain("zero", 0),
            BadValue.plain("negative", -1),
            BadValue.plain("Int.MIN", Integer.MIN_VALUE),
            BadValue.plain("Int.MAX+1", 2_147_483_648L),
            BadValue.plain("Long.MAX", Long.MAX_VALUE),
            BadValue.plain("Long.MAX+1", new BigInteger("9223372036854775808")),
            BadValue.plain("-Long.MAX-2", new BigInteger("-9223372036854775809")),
            BadValue.of("1e308", new BigDecimal("1e308"), "1e308"),
            BadValue.plain("fraction", 1.5),
            BadValue.text("NaN string", "NaN"),
            BadValue.text("Infinity string", "Infinity"),
            BadValue.text("numeric string", "12"));

    private static final List<BadValue> DECIMALS = List.of(
            BadValue.plain("zero", 0),
            BadValue.plain("negative", -1),
            BadValue.of("1e308", new BigDecimal("1e308"), "1e308"),
            BadValue.of("1e309 (beyond double)", new BigDecimal("1e309"), "1e309"),
            BadValue.of("-1e309", new BigDecimal("-1e309"), "-1e309"),
            BadValue.of("exponent 1e999999", new BigDecimal("1e999999"), "1e999999"),
            BadValue.of("4.9e-324", new BigDecimal("4.9e-324"), "4.9e-324"),
            BadValue.plain("Long.MAX", Long.MAX_VALUE),
            BadValue.text("NaN string", "NaN"),
            BadValue.text("Infinity string", "Infinity"),
            BadValue.text("-Infinity string", "-Infinity"),
            BadValue.text("numeric string", "0.5"),
            BadValue.text("not a number", "12abc"));

    private static final List<BadValue> INSTANTS = List.of(
            BadValue.text("month 13", "2025-13-45T25:61:00Z"),
            BadValue.text("a word", "yesterday"),
            BadValue.text("date only", "2025-01-31"),
            BadValue.text("no offset", "2025-01-31T12:00:00"),
            BadValue.text("year +999999999", "+999999999-12-31T23:59:59Z"),
            BadValue.text("year -999999999", "-999999999-01-01T00:00:00Z"),
            BadValue.text("a duration", "PT1H"),
            BadValue.plain("epoch seconds", 1_738_324_800L));

    private static final List<BadValue> DURATIONS = List.of(
            BadValue.text("duration PT", "PT"),
            BadValue.text("negative duration", "-PT30M"),
            BadValue.text("zero duration", "PT0S"),
            BadValue.text("duration in days beyond Long", "P99999999999999D"),
            BadValue.text("duration Long.MAX seconds", "PT9223372036854775807S"),
            BadValue.text("duration in words", "30 minutes"),
            BadValue.text("an instant", "2025-01-31T12:00:00Z"));

    private final LiveSchema schema;
    private final FuzzWorld world;

    BadValues(LiveSchema schema, FuzzWorld world) {
        this.schema = schema;
        this.world = world;
    }

    /** The bad values for a position of that name and type whose valid value is {@code valid}. */
    List<BadValue> at(String name, TypeRef type, Object valid) {
        List<BadValue> bad = new ArrayList<>();
        if (type.nonNull()) {
            bad.add(BadValue.plain("null for non-null", null));
        }
        if (type.list()) {
            bad.add(BadValue.of("object for list", Map.of("a", 1), "{a: 1}"));
            if (type.element().nonNull()) {
                bad.add(BadValue.plain("null element", null).listed());
            }
            at(name, type.element(), null).stream().filter(value -> value.json() != null).limit(LIST_ELEMENTS)
                    .map(BadValue::listed).forEach(bad::add);
            return bad;
        }
        String typeName = type.named().name();
        switch (schema.kind(typeName)) {
            case "INPUT_OBJECT" -> {
                bad.add(BadValue.of("empty object", Map.of(), "{}"));
                bad.add(BadValue.of("unknown field", Map.of("fuzz", 1), "{fuzz: 1}"));
                bad.add(BadValue.text("string for object", "fog"));
                bad.add(BadValue.of("list for object", List.of(), "[]"));
            }
            case "ENUM" -> {
                String first = schema.enumValues(typeName).getFirst();
                bad.add(BadValue.of("unknown enum value", "FUZZ_UNKNOWN", "FUZZ_UNKNOWN"));
                bad.add(BadValue.of("lower-case enum value", first.toLowerCase(), first.toLowerCase()));
                bad.add(BadValue.of("enum value as a string literal", first, Literal.quote(first)));
                bad.add(BadValue.text("empty string", ""));
                bad.add(BadValue.plain("number", 1));
            }
            default -> bad.addAll(scalar(name, typeName));
        }
        if (!schema.kind(typeName).equals("INPUT_OBJECT")) {
            WRONG_TYPES.stream().filter(wrong -> fitsWrong(wrong, typeName)).forEach(bad::add);
        }
        return dedupe(bad, valid);
    }

    /**
     * The values that have broken a read or a store before (NUL, which PostgreSQL refuses in text,
     * null for non-null, ids of the wrong kind), then {@code count} of the others, starting at the
     * {@code seed}-th, so that positions with other seeds get the others.
     */
    static List<BadValue> sample(List<BadValue> values, int seed, int count) {
        List<BadValue> kept = new ArrayList<>(values.stream().filter(BadValues::always).toList());
        List<BadValue> others = values.stream().filter(value -> !always(value)).toList();
        if (others.size() <= count) {
            kept.addAll(others);
            return kept;
        }
        int start = seed * count % others.size();
        java.util.stream.IntStream.range(0, count).mapToObj(i -> others.get((start + i) % others.size())).forEach(kept::add);
        return kept;
    }

    private static boolean always(BadValue value) {
        return value.kind().contains("NUL") || value.kind().contains("null") || value.kind().contains("id of ");
    }

    private List<BadValue> scalar(String name, String scalar) {
        return switch (scalar) {
            case "Int", "Long" -> INTEGERS;
            case "Float", "BigDecimal" -> DECIMALS;
            case "Boolean" -> List.of(BadValue.text("string true", "true"), BadValue.plain("one", 1));
            case "DateTime" -> concat(INSTANTS, TEXT.subList(0, 2));
            case "ID" -> concat(TEXT, ids());
            default -> name.toLowerCase().contains("duration") || name.toLowerCase().contains("interval")
                    ? concat(TEXT, DURATIONS) : TEXT;
        };
    }

    /** Ids of the wrong kind: every other object of the fixture, another user's, and made-up ones. */
    private List<BadValue> ids() {
        return List.of(
                BadValue.text("id of a world", world.worldId),
                BadValue.text("id of a story", world.storyId),
                BadValue.text("id of a lore entry", world.loreEntryId),
                BadValue.text("id of an action beat", world.actionBeatId),
                BadValue.text("id of a narration beat", world.narrationBeatId),
                BadValue.text("id of a model", world.modelId),
                BadValue.text("id of a deployment", world.deploymentId),
                BadValue.text("id of a world's house model (house:<world>)", "house:" + world.worldId),
                BadValue.text("id of a variant model", "variant:fuzz-" + world.tag),
                BadValue.text("id of another user's world", world.foreignWorldId),
                BadValue.text("id of another user's story", world.foreignStoryId),
                BadValue.text("id of a user", world.foreignOwnerId),
                BadValue.text("path-like id", "../../etc/passwd"),
                BadValue.text("id with colons", "narrator:world:" + world.worldId + ":x"),
                BadValue.plain("negative number id", -1));
    }

    /** A wrong JSON type is one the scalar does not take: no number for Int, no string for String. */
    private static boolean fitsWrong(BadValue wrong, String typeName) {
        return switch (wrong.kind()) {
            case "number" -> !List.of("Int", "Long", "Float", "BigDecimal", "ID").contains(typeName);
            case "boolean" -> !typeName.equals("Boolean");
            case "string" -> !List.of("String", "ID", "DateTime").contains(typeName);
            default -> true;
        };
    }

    private static List<BadValue> concat(List<BadValue> first, List<BadValue> second) {
        List<BadValue> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** One value per JSON value, never the position's own valid value. */
    private static List<BadValue> dedupe(List<BadValue> values, Object valid) {
        Map<Object, BadValue> unique = new LinkedHashMap<>();
        for (BadValue value : values) {
            if (!Objects.equals(value.json(), valid)) {
                unique.putIfAbsent(value.json() == null ? "<null>" : value.json(), value);
            }
        }
        return List.copyOf(unique.values());
    }
}
