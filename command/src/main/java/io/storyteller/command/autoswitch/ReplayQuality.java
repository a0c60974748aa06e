package io.storyteller.command.autoswitch;

import java.util.Locale;

/**
 * A stand-in for a quality rating, until the reviewer layer exists to judge narration: it only
 * tells whether a reply is <em>usable</em> as a beat, not whether it is good writing. A reply
 * counts as usable when it
 * <ul>
 *   <li>is not blank,</li>
 *   <li>is {@value #MIN_CHARS}..{@value #MAX_CHARS} characters long (trimmed),</li>
 *   <li>ends with sentence punctuation ({@code . ! ? …}), possibly followed by closing quotes or
 *       brackets, and</li>
 *   <li>does not repeat the player's action verbatim (ignoring case and runs of white space).</li>
 * </ul>
 * The score is {@code 1 + 4 × usable / samples}, on the 1..5 scale of ratings: 1 when no reply
 * was usable (failed calls count as unusable), 5 when all were.
 */
public final class ReplayQuality {

    static final int MIN_CHARS = 20;
    static final int MAX_CHARS = 4000;
    private static final String CLOSERS = "\"'”’»)]*_";
    private static final String SENTENCE_ENDS = ".!?…";

    private ReplayQuality() {
    }

    /** Whether a reply to an action is usable as a beat, by the rules above. */
    public static boolean usable(String reply, String action) {
        if (reply == null || reply.isBlank()) {
            return false;
        }
        String text = reply.strip();
        if (text.length() < MIN_CHARS || text.length() > MAX_CHARS) {
            return false;
        }
        int end = text.length() - 1;
        while (end > 0 && CLOSERS.indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        if (SENTENCE_ENDS.indexOf(text.charAt(end)) < 0) {
            return false;
        }
        String said = normalised(action);
        return said.isEmpty() || !normalised(text).contains(said);
    }

    /** {@code 1 + 4 × usable / samples}, two decimals; null without samples. */
    public static Double score(int usable, int samples) {
        if (samples <= 0) {
            return null;
        }
        if (usable < 0 || usable > samples) {
            throw new IllegalArgumentException("usable must be 0.." + samples);
        }
        return Math.round((1 + 4.0 * usable / samples) * 100) / 100.0;
    }

    private static String normalised(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
