package io.storyteller.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

    private static Violation violationOf(Runnable rule) {
        try {
            rule.run();
        } catch (DomainRejection rejection) {
            return rejection.violation();
        }
        throw new AssertionError("expected a DomainRejection");
    }

    @Test
    void aRequiredTextIsReturnedTrimmed() {
        assertThat(Require.text("name", "  Ashfall\n", 100)).isEqualTo("Ashfall");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void aRequiredTextMustNotBeBlank(String value) {
        assertThat(violationOf(() -> Require.text("name", value, 100)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "name", "required", "name must not be blank"));
    }

    @Test
    void aRequiredTextMayReachItsMaximumAfterTrimming() {
        assertThat(Require.text("name", "  " + "x".repeat(5) + "  ", 5)).isEqualTo("xxxxx");
    }

    @Test
    void aRequiredTextLongerThanItsMaximumIsRejected() {
        assertThat(violationOf(() -> Require.text("name", "x".repeat(6), 5)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "name", "max-length:5",
                        "name must be at most 5 characters but was 6"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aMissingOptionalTextIsEmpty(String value) {
        assertThat(Require.optionalText("note", value, 5)).isEmpty();
    }

    @Test
    void anOptionalTextIsTrimmedAndBounded() {
        assertThat(Require.optionalText("note", " hello ", 5)).isEqualTo("hello");
        assertThat(violationOf(() -> Require.optionalText("note", "hello!", 5)).rule()).isEqualTo("max-length:5");
    }

    @Test
    void aPresentValueIsReturned() {
        assertThat(Require.present("rating", 3)).isEqualTo(3);
    }

    @Test
    void anAbsentValueIsRejected() {
        assertThat(violationOf(() -> Require.present("settings", null)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "settings", "required", "settings is required"));
    }

    @Test
    void aRangeIncludesBothEnds() {
        assertThat(Require.range("rating", 1, 1, 5)).isEqualTo(1);
        assertThat(Require.range("rating", 5, 1, 5)).isEqualTo(5);
    }

    @Test
    void aValueOutsideItsRangeIsRejected() {
        assertThat(violationOf(() -> Require.range("rating", 0, 1, 5)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "rating", "range:1..5",
                        "rating must be between 1 and 5 but was 0"));
        assertThat(violationOf(() -> Require.range("rating", 6, 1, 5)).rule()).isEqualTo("range:1..5");
    }

    @Test
    void missingTextsAreNone() {
        assertThat(Require.texts("keys", null, 3, 10)).isEmpty();
    }

    @Test
    void textsAreTrimmedAndDuplicatesDroppedIgnoringCaseKeepingTheFirst() {
        assertThat(Require.texts("keys", List.of(" Gate ", "ember", "GATE", "Ember ", "ash"), 5, 10))
                .containsExactly("Gate", "ember", "ash");
    }

    @Test
    void theTextsReturnedCannotBeChanged() {
        List<String> keys = Require.texts("keys", new ArrayList<>(List.of("gate")), 3, 10);
        assertThatThrownBy(() -> keys.add("ember")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void tooManyTextsAreRejected() {
        assertThat(violationOf(() -> Require.texts("keys", List.of("a", "b", "c", "d"), 3, 10)))
                .isEqualTo(new Violation(RejectionKind.INVALID, "keys", "max-count:3", "keys may hold at most 3 entries"));
    }

    @Test
    void eachTextIsCheckedAtItsPosition() {
        assertThat(violationOf(() -> Require.texts("keys", Arrays.asList("gate", null), 3, 10)).field())
                .isEqualTo("keys[1]");
        Violation tooLong = violationOf(() -> Require.texts("keys", List.of("gate", "ember", "x".repeat(11)), 3, 10));
        assertThat(tooLong.field()).isEqualTo("keys[2]");
        assertThat(tooLong.rule()).isEqualTo("max-length:10");
    }
}
