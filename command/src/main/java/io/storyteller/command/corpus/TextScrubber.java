package io.storyteller.command.corpus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data and secrets out of a text before it enters a dataset: e-mail addresses,
 * phone numbers, URLs carrying credentials, and strings shaped like API keys or tokens. Each is
 * replaced by a bracketed placeholder, so the sentence still reads.
 */
final class TextScrubber {

    private record Rule(Pattern pattern, String replacement) {
    }

    /** Order matters: credentials in URLs before e-mail addresses (user:pass@host looks like one). */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/@:]+:[^\\s/@]+@[^\\s]+"), "[url]"),
            new Rule(Pattern.compile("\\b(?:Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{16,}"), "[secret]"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), "[secret]"),
            new Rule(Pattern.compile("\\b(?:sk|pk|rk)-(?:[A-Za-z0-9]+-)*[A-Za-z0-9_]{16,}\\b"), "[secret]"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), "[secret]"),
            new Rule(Pattern.compile("\\b(?:ghp|gho|ghu|ghs|ghr|github_pat|glpat|xox[abpors]|hf)[-_][A-Za-z0-9_-]{16,}\\b"), "[secret]"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[email]"));

    /** Digit groups with separators, optionally an international prefix or an area code in brackets. */
    private static final Pattern PHONE_LIKE = Pattern.compile(
            "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?)?\\d{2,5}(?:[ .-]\\d{2,5}){1,4}(?![\\w.-]\\d)(?!\\w)");
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;

    /** A long run of letters and digits mixing both, as keys and tokens are; words and numbers never match. */
    private static final Pattern KEY_LIKE = Pattern.compile("\\b[A-Za-z0-9_\\-+/]{32,}={0,2}");

    /** Tokens, keys and credentials are runs of at least this many word-like characters. */
    private static final int MIN_TOKEN_RUN = 16;
    private static final int MIN_KEY_RUN = 32;

    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        // One pass decides which rules can match at all: most prose has no '@', few digits and no long runs.
        boolean at = false;
        int digits = 0;
        int run = 0;
        int longestRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            at |= c == '@';
            digits += c >= '0' && c <= '9' ? 1 : 0;
            run = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/') ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        String result = text;
        if (at || longestRun >= MIN_TOKEN_RUN || text.contains("eyJ")) {
            for (Rule rule : RULES) {
                result = rule.pattern().matcher(result).replaceAll(rule.replacement());
            }
        }
        if (digits >= MIN_PHONE_DIGITS) {
            result = phoneLike(result);
        }
        return longestRun >= MIN_KEY_RUN ? keyLike(result) : result;
    }

    /** Seven to fifteen digits in groups: a phone number; a year or a short count is left alone. */
    private static String phoneLike(String text) {
        Matcher matcher = PHONE_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            long digits = matcher.group().chars().filter(Character::isDigit).count();
            boolean phone = digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
            matcher.appendReplacement(out, phone ? "[phone]" : Matcher.quoteReplacement(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String keyLike(String text) {
        Matcher matcher = KEY_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String candidate = matcher.group();
            boolean mixed = candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter);
            matcher.appendReplacement(out, mixed ? "[secret]" : Matcher.quoteReplacement(candidate));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
