package io.storyteller.command.housemodel.text;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Joins word-level tokens back into readable text, one token at a time so streamed chunks
 * concatenate to exactly the text of a non-streamed call. Not thread-safe: one per generation.
 */
public final class Detokenizer {

    /** Invisible characters that belong inside a word or emoji sequence: ZWSP, ZWNJ, ZWJ, LRM, RLM, WJ, BOM. */
    private static final Set<String> JOINERS = Set.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF");
    /** Direction embeddings, overrides and isolates open like a bracket (LRE, RLE, LRO, RLO, LRI, RLI, FSI)… */
    private static final Set<String> DIRECTION_OPENERS = Set.of("\u202A", "\u202B", "\u202D", "\u202E", "\u2066",
            "\u2067", "\u2068");
    /** …and close like one (PDF, PDI). */
    private static final Set<String> DIRECTION_CLOSERS = Set.of("\u202C", "\u2069");
    private static final Set<String> NO_SPACE_BEFORE = union(JOINERS, DIRECTION_CLOSERS, Set.of(
            ",", ".", "!", "?", ";", ":", "'", "’", "”", "»", ")", "]", "}", "%", "…"));
    private static final Set<String> NO_SPACE_AFTER = union(JOINERS, DIRECTION_OPENERS, Set.of("(", "[", "{", "“", "«"));
    private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?", "…");

    private String previous;
    private boolean insideDoubleQuote;

    /** Returns the piece of text this token adds: the token, with a leading space if one belongs. */
    public String append(String token) {
        boolean space = previous != null && !NO_SPACE_AFTER.contains(previous) && !NO_SPACE_BEFORE.contains(token);
        if (token.equals("\"")) {
            // A straight quote opens when none is open and closes otherwise.
            space = previous != null && !insideDoubleQuote && !NO_SPACE_AFTER.contains(previous);
            insideDoubleQuote = !insideDoubleQuote;
        } else if (previous != null && previous.equals("\"") && insideDoubleQuote) {
            space = false;
        }
        previous = token;
        return space ? " " + token : token;
    }

    /** Joins a whole token sequence. */
    public static String join(List<String> tokens) {
        Detokenizer detokenizer = new Detokenizer();
        StringBuilder text = new StringBuilder();
        tokens.forEach(token -> text.append(detokenizer.append(token)));
        return text.toString();
    }

    public static boolean endsSentence(String token) {
        return SENTENCE_ENDS.contains(token);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
