package io.storyteller.command.housemodel.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word-level tokenizer backed by DJL's HuggingFace tokenizers (native Rust library shipped in the
 * jar). Always built from a tokenizer.json the trainer wrote — never by hub name, which would
 * download. Thread-safe: the native tokenizer is immutable once built.
 */
public final class WordTokenizer implements AutoCloseable {

    static {
        OfflineTokenizers.configure();
    }

    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");

    /** U+FFFD REPLACEMENT CHARACTER, what stands for a lone surrogate. */
    static final int REPLACEMENT = 0xFFFD;

    private final HuggingFaceTokenizer tokenizer;
    private final Vocabulary vocabulary;

    private WordTokenizer(String tokenizerJson) {
        this.vocabulary = TokenizerJson.read(tokenizerJson);
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), OPTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the house tokenizer", e);
        }
    }

    /** A tokenizer over the given vocabulary; words outside it become {@code <unk>}. */
    public static WordTokenizer of(Vocabulary vocabulary) {
        return new WordTokenizer(TokenizerJson.write(vocabulary));
    }

    /** Loads a tokenizer.json written by {@link HouseModelStore}. */
    public static WordTokenizer load(Path tokenizerJson) throws IOException {
        return new WordTokenizer(Files.readString(tokenizerJson));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Token ids of the text, without beat markers. */
    public long[] encode(String text) {
        return tokenizer.encode(wellFormed(text)).getIds();
    }

    /**
     * The words and punctuation of the text as written (before vocabulary lookup), for counting
     * during training. Native spans count Unicode code points, not Java chars.
     */
    public List<String> words(String text) {
        // Normalise as the tokenizer does, so a counted word is the word it will look up.
        text = Normalizer.normalize(wellFormed(text), Normalizer.Form.NFC);
        Encoding encoding = tokenizer.encode(text);
        int[] codePoints = text.codePoints().toArray();
        List<String> words = new ArrayList<>();
        for (CharSpan span : encoding.getCharTokenSpans()) {
            words.add(new String(codePoints, span.getStart(), span.getEnd() - span.getStart()));
        }
        return words;
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD. A Java string may hold one (JSON
     * allows {@code "\\ud800"}), but the native tokenizer only takes Unicode scalar values: it turns
     * each of the lone surrogate's three encoded bytes into a U+FFFD of its own, and its spans would
     * then count three code points where Java counts one.
     */
    static String wellFormed(String text) {
        StringBuilder repaired = new StringBuilder(text.length());
        // codePoints() yields a pair as one supplementary code point and a lone surrogate as itself.
        text.codePoints().map(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? REPLACEMENT : c)
                .forEach(repaired::appendCodePoint);
        return repaired.toString();
    }

    String json() {
        return TokenizerJson.write(vocabulary);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
