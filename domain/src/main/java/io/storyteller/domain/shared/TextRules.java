package io.storyteller.domain.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What text and ids the platform accepts: the one definition that the aggregates ({@link Require})
 * and the message boundary ({@link InputHygiene}) apply.
 * <ul>
 *   <li><b>Text</b> is well-formed Unicode that every store takes: no lone surrogates (rule
 *       {@code valid-unicode}), no control characters but tab, line feed and carriage return (rule
 *       {@code no-control-characters}; NUL is one, and PostgreSQL cannot store it), no
 *       non-characters such as U+FFFF (rule {@code no-noncharacters}). Accepted text is normalised
 *       to NFC, so the same words are stored and matched the same way whatever the client sent.</li>
 *   <li><b>Ids</b> have one shape: 1–{@value #MAX_ID_LENGTH} characters of ASCII letters, digits and
 *       {@code . _ - : @ | + / =}, starting with a letter or digit (rule {@code id-shape}). The
 *       server's UUIDs, slugs like {@code seed-lantern-coast}, model ids like
 *       {@code ollama:llama3.1:8b} or {@code hf:org/name}, slot keys like {@code narrator:world:<id>}
 *       and identity providers' subjects like {@code auth0|5f3a} all fit; whitespace, control and
 *       bidirectional characters never do.</li>
 * </ul>
 */
public final class TextRules {

    public static final int MAX_ID_LENGTH = 200;
    private static final String VALID_UNICODE = "valid-unicode";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@|+/=-]*");

    private TextRules() {
    }

    /** The rule that {@code value} breaks as text, or null when it is acceptable. */
    public static String textProblem(String value) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String rule = ruleBrokenBy(codePoint);
            if (rule != null) {
                return rule;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    /** The text, normalised to NFC; rejected naming {@code field} and the rule it breaks. */
    public static String checkedText(String field, String value) {
        String problem = textProblem(value);
        if (problem != null) {
            throw DomainRejection.invalid(field, problem, field + " " + describe(problem));
        }
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * Text the platform produced itself (a model's answer) made acceptable instead of refused: lone
     * surrogates become U+FFFD, disallowed control characters and non-characters are dropped, the
     * rest is normalised to NFC.
     */
    public static String cleaned(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            String rule = ruleBrokenBy(codePoint);
            if (VALID_UNICODE.equals(rule)) {
                clean.append('\uFFFD');
            } else if (rule == null) {
                clean.appendCodePoint(codePoint);
            }
        }
        return Normalizer.normalize(clean, Normalizer.Form.NFC);
    }

    /** Whether {@code value} has the shape of an id. */
    public static boolean isId(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_ID_LENGTH && ID.matcher(value).matches();
    }

    /** The id, trimmed; rejected naming {@code field} when it is missing or not shaped like an id. */
    public static String checkedId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainRejection.invalid(field, "required", field + " must not be blank");
        }
        String id = value.strip();
        if (!isId(id)) {
            throw DomainRejection.invalid(field, "id-shape", field + " must be 1-" + MAX_ID_LENGTH
                    + " characters of letters, digits and . _ - : @ | + / =, starting with a letter or digit");
        }
        return id;
    }

    /** The rule one code point breaks (a lone surrogate comes as a code point of its own), or null. */
    private static String ruleBrokenBy(int codePoint) {
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return VALID_UNICODE;
        }
        if (isControl(codePoint)) {
            return "no-control-characters";
        }
        return isNonCharacter(codePoint) ? "no-noncharacters" : null;
    }

    private static boolean isControl(int codePoint) {
        boolean c0 = codePoint < 0x20 && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
        return c0 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String describe(String problem) {
        return switch (problem) {
            case VALID_UNICODE -> "must be valid Unicode (it holds a lone surrogate)";
            case "no-control-characters" -> "must not hold control characters other than tab and line breaks";
            default -> "must not hold Unicode non-characters";
        };
    }
}
