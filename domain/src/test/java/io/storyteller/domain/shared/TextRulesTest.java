package io.storyteller.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\u0001b", "\u001b[31m", "\u007f", "\u0085", "\u009f"})
    void controlCharactersAreRefused(String text) {
        assertThat(TextRules.textProblem(text)).isEqualTo("no-control-characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "a\uDC00", "\uDBFF\uDBFF", "x\uDFFF\uD800"})
    void loneSurrogatesAreRefused(String text) {
        assertThat(TextRules.textProblem(text)).isEqualTo("valid-unicode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFFFF", "\uFFFE", "\uFDD0", "\uD83F\uDFFF"})
    void nonCharactersAreRefused(String text) {
        assertThat(TextRules.textProblem(text)).isEqualTo("no-noncharacters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nbreak\r\n\ttab", "emoji \uD83D\uDC09 dragon", "\u202Eright to left", "zero\u200Dwidth",
            "Ærøskøbing", "東京", "combining e\u0301"})
    void everyOtherTextIsAccepted(String text) {
        assertThat(TextRules.textProblem(text)).isNull();
    }

    @Test
    void acceptedTextIsNormalisedToNfc() {
        assertThat(TextRules.checkedText("name", "Cafe\u0301")).isEqualTo("Caf\u00e9");
    }

    @Test
    void textThePlatformProducedIsCleanedInsteadOfRefused() {
        assertThat(TextRules.cleaned("a\u0000b\uD800c\u0085d\uFFFFe\tf\uD83D\uDC09 Cafe\u0301"))
                .isEqualTo("ab\uFFFDcde\tf\uD83D\uDC09 Caf\u00e9");
        assertThat(TextRules.textProblem(TextRules.cleaned("\uDC00\u0000\uFDD0"))).isNull();
    }

    @Test
    void aRefusalNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> TextRules.checkedText("settings.name", "Ash\u0000fall"))
                .isInstanceOfSatisfying(DomainRejection.class, rejection -> assertThat(rejection.violation())
                        .extracting(Violation::kind, Violation::field, Violation::rule)
                        .containsExactly(RejectionKind.INVALID, "settings.name", "no-control-characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3f1c2d9e-8a7b-4c6d-9e0f-1a2b3c4d5e6f", "seed-lantern-coast", "ollama:llama3.1:8b",
            "hf:org/name", "narrator:world:w1", "auth0|5f3a", "ada@example.org", "variant:narrator-noir"})
    void idsOfEveryKindFitTheOneShape(String id) {
        assertThat(TextRules.isId(id)).isTrue();
        assertThat(TextRules.checkedId("id", " " + id + " ")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"w\u0000", "two words", "-leading", "{a=1}", "w\u202E", "\uD800", "é", "a\nb"})
    void anythingElseIsNoId(String id) {
        assertThat(TextRules.isId(id)).isFalse();
        assertThatThrownBy(() -> TextRules.checkedId("storyId", id))
                .isInstanceOfSatisfying(DomainRejection.class, rejection -> assertThat(rejection.violation().rule())
                        .isEqualTo("id-shape"));
    }

    @ParameterizedTest
    @CsvSource({"200,true", "201,false"})
    void idsAreBounded(int length, boolean accepted) {
        assertThat(TextRules.isId("i".repeat(length))).isEqualTo(accepted);
    }
}
