package io.storyteller.command.housemodel.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class WordTokenizerTest {

    static final List<UnusualText> UNUSUAL = UnusualText.KINDS;

    @Test
    void splits_words_and_punctuation_keeping_apostrophes_and_hyphens_inside_words() {
        try (WordTokenizer tokenizer = WordTokenizer.of(Vocabulary.specialsOnly())) {
            assertThat(tokenizer.words("The keeper's half-elf, “naïve”... 😀 <s> don’t!"))
                    .containsExactly("The", "keeper's", "half-elf", ",", "“", "naïve", "”", ".", ".", ".", "😀",
                            "<", "s", ">", "don’t", "!");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("UNUSUAL")
    void counts_the_words_of_unusual_text(UnusualText unusual) {
        try (WordTokenizer tokenizer = WordTokenizer.of(Vocabulary.specialsOnly())) {
            assertThat(tokenizer.words(unusual.text())).containsExactlyElementsOf(unusual.words());
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("UNUSUAL")
    void looks_up_every_word_it_counted(UnusualText unusual) {
        List<String> tokens = new ArrayList<>(Vocabulary.SPECIALS);
        tokens.addAll(new LinkedHashSet<>(unusual.words()));
        Vocabulary vocabulary = new Vocabulary(tokens);
        try (WordTokenizer tokenizer = WordTokenizer.of(vocabulary)) {
            long[] ids = tokenizer.encode(unusual.text());
            assertThat(ids).hasSize(unusual.words().size()).doesNotContain(Vocabulary.UNKNOWN_ID);
            for (int i = 0; i < ids.length; i++) {
                assertThat(vocabulary.token((int) ids[i])).isEqualTo(unusual.words().get(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("UNUSUAL")
    void a_vocabulary_of_unusual_words_survives_its_tokenizer_json(UnusualText unusual, @TempDir Path directory)
            throws Exception {
        List<String> tokens = new ArrayList<>(Vocabulary.SPECIALS);
        tokens.addAll(new LinkedHashSet<>(unusual.words()));
        Vocabulary vocabulary = new Vocabulary(tokens);
        Path file = directory.resolve("tokenizer.json");
        Files.writeString(file, TokenizerJson.write(vocabulary));
        try (WordTokenizer tokenizer = WordTokenizer.load(file)) {
            assertThat(tokenizer.vocabulary()).isEqualTo(vocabulary);
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
