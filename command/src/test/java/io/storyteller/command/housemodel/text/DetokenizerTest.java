package io.storyteller.command.housemodel.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

    @Test
    void punctuation_attaches_to_the_word_before_it() {
        assertThat(Detokenizer.join(List.of("Mira", "turns", ",", "and", "the", "flame", "bends", "low", "!",
                "Is", "it", "dusk", "?", "Yes", ";", "dusk", ":", "cold", ".")))
                .isEqualTo("Mira turns, and the flame bends low! Is it dusk? Yes; dusk: cold.");
    }

    @Test
    void quotes_and_brackets_hug_their_contents() {
        assertThat(Detokenizer.join(List.of("She", "asks", ",", "\"", "Who", "sent", "you", "?", "\"", "(", "softly", ")")))
                .isEqualTo("She asks, \"Who sent you?\" (softly)");
        assertThat(Detokenizer.join(List.of("the", "keepers", "'", "flame", "…", "“", "Go", "”")))
                .isEqualTo("the keepers' flame… “Go”");
    }

    @Test
    void pieces_concatenate_to_the_joined_text() {
        List<String> tokens = List.of("You", "open", "the", "door", ".", "\"", "Hello", "\"", ",", "she", "says", ".");
        Detokenizer detokenizer = new Detokenizer();
        StringBuilder streamed = new StringBuilder();
        tokens.forEach(token -> streamed.append(detokenizer.append(token)));
        assertThat(streamed.toString()).isEqualTo(Detokenizer.join(tokens)).isEqualTo("You open the door. \"Hello\", she says.");
    }

    @Test
    void zero_width_and_direction_marks_join_their_neighbours_without_spaces() {
        assertThat(Detokenizer.join(List.of("kin", "👨", "\u200D", "👩", "\u200D", "👧", "smile")))
                .isEqualTo("kin 👨\u200D👩\u200D👧 smile");
        assertThat(Detokenizer.join(List.of("\u202E", "evil", "\u202C", "ends")))
                .isEqualTo("\u202Eevil\u202C ends");
        assertThat(Detokenizer.join(List.of("a", "😀", "𝔘𝔫𝔦", "café", "!")))
                .isEqualTo("a 😀 𝔘𝔫𝔦 café!");
    }
}
