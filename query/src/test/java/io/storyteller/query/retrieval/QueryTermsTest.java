package io.storyteller.query.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a question a hit matched, found as the index's english analyzer would match them. */
class QueryTermsTest {

    @Test
    void a_word_matches_another_form_of_itself_as_the_stemmed_index_does() {
        QueryTerms asked = QueryTerms.of("I light the lamps by the harbour's gate");

        assertThat(asked.matchedIn(List.of("A lamp burns over the Harbour.", "Lighting it is forbidden")))
                .containsExactly("light", "lamps", "harbour");
    }

    @Test
    void stop_words_and_words_the_text_lacks_are_not_named() {
        QueryTerms asked = QueryTerms.of("is it in the well");

        assertThat(asked.matchedIn(List.of("It is in the cellar, and there it is."))).isEmpty();
        assertThat(asked.matchedIn(List.of("The well is dry."))).containsExactly("well");
    }

    @Test
    void each_word_is_named_once_in_the_question_s_order() {
        QueryTerms asked = QueryTerms.of("Bell, bell! Ring the BELL and the gong");

        assertThat(asked.matchedIn(List.of("the gong", "a bell"))).containsExactly("bell", "gong");
    }

    @Test
    void nothing_matches_for_an_empty_question_or_no_text() {
        assertThat(QueryTerms.of("the of and").matchedIn(List.of("the of and"))).isEmpty();
        assertThat(QueryTerms.of("bell").matchedIn(List.of())).isEmpty();
    }
}
