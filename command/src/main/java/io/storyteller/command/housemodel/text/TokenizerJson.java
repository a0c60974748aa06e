package io.storyteller.command.housemodel.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The HuggingFace {@code tokenizer.json} of a house model: a WordLevel model over the vocabulary
 * and a pre-tokenizer that keeps words (with inner apostrophes and hyphens: "dragon's",
 * "half-elf") whole and makes every other non-space character a token of its own.
 *
 * <p>The special tokens are deliberately not "added tokens": a player who types {@code </s>} gets
 * the characters {@code <}, {@code /}, {@code s}, {@code >}, never a beat end.
 */
public final class TokenizerJson {

    /** Words, or a single punctuation character; whitespace is dropped. */
    static final String WORD_OR_PUNCTUATION = "\\w+(?:['’-]\\w+)*|[^\\w\\s]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenizerJson() {
    }

    public static String write(Vocabulary vocabulary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.putArray("added_tokens");
        root.putObject("normalizer").put("type", "NFC");
        ObjectNode split = root.putObject("pre_tokenizer");
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", WORD_OR_PUNCTUATION);
        split.put("behavior", "Removed");
        split.put("invert", true);
        root.putNull("post_processor");
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int id = 0; id < vocabulary.size(); id++) {
            vocab.put(vocabulary.token(id), id);
        }
        model.put("unk_token", Vocabulary.UNKNOWN);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write tokenizer.json", e);
        }
    }

    /** Reads the vocabulary back (id order) from a tokenizer.json this class wrote. */
    public static Vocabulary read(String tokenizerJson) {
        try {
            JsonNode vocab = JSON.readTree(tokenizerJson).path("model").path("vocab");
            String[] tokens = new String[vocab.size()];
            vocab.properties().forEach(entry -> tokens[entry.getValue().asInt()] = entry.getKey());
            List<String> list = new ArrayList<>(Arrays.asList(tokens));
            if (list.contains(null)) {
                throw new IllegalArgumentException("tokenizer.json vocabulary ids are not contiguous");
            }
            return new Vocabulary(list);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a house model tokenizer.json", e);
        }
    }
}
