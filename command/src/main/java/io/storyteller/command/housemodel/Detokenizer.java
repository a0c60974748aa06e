package io.storyteller.command.housemodel;

import java.util.List;
import java.util.Set;

/**
 * Joins word-level tokens back into readable text, one token at a time so streamed chunks
 * concatenate to exactly the text of a non-streamed call. Not thread-safe: one per generation.
 */
final class Detokenizer {

    private static final Set<String> NO_SPACE_BEFORE = Set.of(
            ",", ".", "!", "?", ";", ":", "'", "’", "”", "»", ")", "]", "}", "%", "…");
    private static final Set<String> NO_SPACE_AFTER = Set.of("(", "[", "{", "“", "«");
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

    static boolean endsSentence(String token) {
        return SENTENCE_ENDS.contains(token);
    }
}
