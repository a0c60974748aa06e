package io.storyteller.graphql.scalars;

import io.storyteller.domain.shared.DomainRejection;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as the API writes them: ISO-8601, e.g. {@code PT30S}, {@code PT2H}; rule {@code iso-8601-duration}. */
public final class IsoDuration {

    private IsoDuration() {
    }

    /** Null stays null, for the domain to require or not. */
    public static Duration parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainRejection.invalid(field, "iso-8601-duration",
                    field + " must be an ISO-8601 duration such as PT30S or PT2H, not '" + text + "'");
        }
    }
}
