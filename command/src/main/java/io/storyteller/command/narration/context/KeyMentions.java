package io.storyteller.command.narration.context;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a lore key occurs in a text as a whole word, case-insensitively, for one lore selection:
 * each key's pattern is compiled once, and a plain substring test on case-folded text rules out
 * almost every pair before the pattern runs. The fold is the one the pattern itself applies
 * ({@code toLowerCase(toUpperCase(c))} per code point, which keeps the planes and is idempotent), so
 * every text the pattern matches holds the folded key: the test never rules out a match.
 * Not thread-safe: one instance a selection.
 */
final class KeyMentions {

    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, String> folded = new HashMap<>();

    boolean mentions(String key, String text) {
        return fold(text).contains(fold(key)) && patterns.computeIfAbsent(key, KeyMentions::wholeWord).matcher(text).find();
    }

    private String fold(String text) {
        return folded.computeIfAbsent(text, KeyMentions::caseFolded);
    }

    static String caseFolded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return out.toString();
    }

    private static Pattern wholeWord(String key) {
        // Letters, digits and underscore count as word characters in every script, so "Ash" misses "ashes".
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(key) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
