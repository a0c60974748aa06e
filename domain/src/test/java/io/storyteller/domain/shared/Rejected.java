package io.storyteller.domain.shared;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * Matches a {@link DomainRejection} by the rule it names (kind, field, rule), not by its
 * wording: {@code expectException(Rejected.invalid("settings.name", "required"))}.
 */
public final class Rejected {

    private Rejected() {
    }

    public static Matcher<DomainRejection> invalid(String field, String rule) {
        return with(RejectionKind.INVALID, field, rule);
    }

    public static Matcher<DomainRejection> forbidden(String rule) {
        return with(RejectionKind.FORBIDDEN, "actor", rule);
    }

    public static Matcher<DomainRejection> notFound(String field) {
        return with(RejectionKind.NOT_FOUND, field, "exists");
    }

    public static Matcher<DomainRejection> conflict(String field, String rule) {
        return with(RejectionKind.CONFLICT, field, rule);
    }

    public static Matcher<DomainRejection> with(RejectionKind kind, String field, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRejection rejection) {
                Violation violation = rejection.violation();
                return violation.kind() == kind && violation.field().equals(field) && violation.rule().equals(rule)
                        && rejection.getDetails().orElse(null) == violation;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection of " + field + " by rule " + rule);
            }

            @Override
            protected void describeMismatchSafely(DomainRejection rejection, Description mismatch) {
                mismatch.appendText("was ").appendValue(rejection.violation());
            }
        };
    }
}
