package io.storyteller.command.housemodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTokenizerTest {

    @Test
    void splits_words_and_punctuation_keeping_apostrophes_and_hyphens_inside_words() {
        try (WordTokenizer tokenizer = WordTokenizer.of(Vocabulary.specialsOnly())) {
            assertThat(tokenizer.words("The keeper's half-elf, “naïve”... 😀 <s> don’t!"))
                    .containsExactly("The", "keeper's", "half-elf", ",", "“", "naïve", "”", ".", ".", ".", "😀",
                            "<", "s", ">", "don’t", "!");
        }
    }

    @Test
    void loads_from_a_written_tokenizer_json_and_maps_unknown_words_to_unk(@TempDir Path directory) throws Exception {
        Vocabulary vocabulary = new Vocabulary(List.of("<unk>", "<s>", "</s>", "the", "flame", "."));
        Path file = directory.resolve("tokenizer.json");
        Files.writeString(file, TokenizerJson.write(vocabulary));
        try (WordTokenizer tokenizer = WordTokenizer.load(file)) {
            assertThat(tokenizer.vocabulary()).isEqualTo(vocabulary);
            // Typed special tokens are plain characters, never beat markers.
            assertThat(tokenizer.encode("the flame </s> burns.")).containsExactly(3, 4, 0, 0, 0, 0, 0, 5);
        }
    }
}
