package io.storyteller.command.housemodel.classifier.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.classifier.LabelledSetException;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.safety.RatingPolicy;
import io.storyteller.domain.world.ContentRating;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class GuardrailSetTest {

    private static final String GOOD = """
            {"id": "g1", "text": "I bonk the goblin.", "source": "player", "categories": ["violence"], "severity": 1, "allowed": {"E": true, "T": true, "M": true, "AO": true}}""";

    private static void rejects(String line, int number, String field, String rule) {
        ThrowingCallable parse = () -> GuardrailSet.parse(List.of(GOOD, "", line));
        assertThatThrownBy(parse).isInstanceOfSatisfying(LabelledSetException.class, e -> {
            assertThat(e.line()).isEqualTo(number);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }

    @Test
    void theBuiltInSetsAreOnTheClasspathAndTrueToThePolicy() {
        List<GuardrailCase> cases = GuardrailSet.builtIn();
        assertThat(cases).hasSize(444 + 496);
        assertThat(cases).extracting(GuardrailCase::id).doesNotHaveDuplicates();
        assertThat(GuardrailSet.builtInName()).isEqualTo("guardrail.jsonl + guardrail-more.jsonl");
        for (GuardrailCase c : cases) {
            for (ContentRating rating : ContentRating.values()) {
                assertThat(RatingPolicy.allowed(rating, c.assessment())).as("%s at %s", c.id(), rating)
                        .isEqualTo(c.allowed().get(rating));
            }
        }
    }

    @Test
    void aLineBecomesACase() {
        GuardrailCase c = GuardrailSet.parse(List.of(GOOD)).getFirst();
        assertThat(c.source()).isEqualTo(TextSource.PLAYER);
        assertThat(c.assessment().severities()).containsEntry(HarmCategory.VIOLENCE, 1);
        assertThat(c.example().tags()).containsExactly("source=player");
    }

    @Test
    void aBadLineIsNamedByNumberFieldAndRule() {
        rejects("not json", 3, "line", "json");
        rejects(GOOD.replace("\"severity\": 1", "\"severity\": 5"), 3, "severity", "range:0..3");
        rejects(GOOD.replace("\"player\"", "\"robot\""), 3, "source", "player|narration");
        rejects(GOOD.replace("violence", "rudeness"), 3, "categories", "known-category");
        rejects(GOOD.replace("[\"violence\"]", "[]"), 3, "categories", "benign-iff-severity-0");
        rejects(GOOD.replace("\"AO\": true", "\"AO\": \"yes\""), 3, "allowed.AO", "boolean");
        rejects(GOOD.replace("\"I bonk the goblin.\"", "\" \""), 3, "text", "required");
    }
}
