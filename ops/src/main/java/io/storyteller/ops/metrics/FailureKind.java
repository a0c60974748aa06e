package io.storyteller.ops.metrics;

import io.storyteller.domain.budget.BudgetDecision;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts the reason of a {@code NarrationFailed} into a small fixed set of label values. The recorded
 * reason is worded for players and may name a world, a status phrase or an exception type; a metric
 * label must stay bounded, so only its kind is kept.
 */
enum FailureKind {
    TIMEOUT,
    PROVIDER_RATE_LIMITED,
    PROVIDER_CLIENT_ERROR,
    PROVIDER_SERVER_ERROR,
    PROVIDER_UNREACHABLE,
    PROVIDER_REFUSED,
    MODEL_UNAVAILABLE,
    CONTENT_REFUSED,
    ALL_CANDIDATES_FAILED,
    NO_ROUTE,
    EMPTY_ANSWER,
    UNKNOWN_WORLD,
    BUDGET_EXHAUSTED,
    OTHER;

    private static final Pattern ANSWERED = Pattern.compile("provider answered (\\d{3})");

    /** The kind of a failure with a code ({@code NarrationFailed.code}), else by its reason. */
    static FailureKind of(String reason, String code) {
        return BudgetDecision.BUDGET_EXHAUSTED.equals(code) ? BUDGET_EXHAUSTED : of(reason);
    }

    static FailureKind of(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        Matcher answered = ANSWERED.matcher(text);
        if (answered.find()) {
            int status = Integer.parseInt(answered.group(1));
            return status == 429 ? PROVIDER_RATE_LIMITED : status >= 500 ? PROVIDER_SERVER_ERROR : PROVIDER_CLIENT_ERROR;
        }
        if (text.contains("every candidate failed")) {
            return ALL_CANDIDATES_FAILED;
        }
        if (text.contains("narrator deployment")) {
            return NO_ROUTE;
        }
        if (text.contains("returned no text")) {
            return EMPTY_ANSWER;
        }
        if (text.contains("timed out") || text.contains("deadline")) {
            return TIMEOUT;
        }
        if (text.contains("could not reach")) {
            return PROVIDER_UNREACHABLE;
        }
        if (text.contains("provider refused")) {
            return PROVIDER_REFUSED;
        }
        if (text.contains("unavailable") || text.contains("not available") || text.contains("no house model")
                || text.contains("provider endpoint")) {
            return MODEL_UNAVAILABLE;
        }
        if (text.contains("is not known")) {
            return UNKNOWN_WORLD;
        }
        if (text.contains("guardrail") || text.contains("rating") || text.contains("refused")
                || text.contains("machine-written") || text.contains("detector")) {
            return CONTENT_REFUSED;
        }
        return OTHER;
    }

    /** The label value, e.g. {@code provider_server_error}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
