package io.storyteller.domain.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Input rules shared by the aggregates; each failure names the field and the rule. */
public final class Require {

    private Require() {
    }

    /**
     * A required text: present, not blank, well-formed ({@link TextRules}), at most {@code max}
     * characters; returned trimmed and normalised.
     */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw DomainRejection.invalid(field, "required", field + " must not be blank");
        }
        return maxLength(field, TextRules.checkedText(field, value.strip()), max);
    }

    /** An optional text: null or blank becomes empty; well-formed and at most {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        return value == null ? "" : maxLength(field, TextRules.checkedText(field, value.strip()), max);
    }

    /** A required id of the one shape {@link TextRules} defines. */
    public static String id(String field, String value) {
        return TextRules.checkedId(field, value);
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw DomainRejection.invalid(field, "required", field + " is required");
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw DomainRejection.invalid(field, "range:" + min + ".." + max,
                    field + " must be between " + min + " and " + max + " but was " + value);
        }
        return value;
    }

    /** A list of distinct, trimmed, non-blank texts; duplicates (ignoring case) are dropped. */
    public static List<String> texts(String field, List<String> values, int maxCount, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxCount) {
            throw DomainRejection.invalid(field, "max-count:" + maxCount,
                    field + " may hold at most " + maxCount + " entries");
        }
        var seen = new LinkedHashSet<String>();
        var result = new ArrayList<String>();
        for (int i = 0; i < values.size(); i++) {
            String value = text(field + "[" + i + "]", values.get(i), maxLength);
            if (seen.add(value.toLowerCase())) {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }

    private static String maxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw DomainRejection.invalid(field, "max-length:" + max,
                    field + " must be at most " + max + " characters but was " + value.length());
        }
        return value;
    }
}
