package io.storyteller.command.housemodel.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The house model's word list: id = position. The three special tokens always hold ids 0–2 so
 * the exported graph, the sampler and the tokenizer agree without extra metadata.
 */
public record Vocabulary(List<String> tokens) {

    public static final String UNKNOWN = "<unk>";
    public static final String BEAT_START = "<s>";
    public static final String BEAT_END = "</s>";
    public static final int UNKNOWN_ID = 0;
    public static final int BEAT_START_ID = 1;
    public static final int BEAT_END_ID = 2;
    public static final List<String> SPECIALS = List.of(UNKNOWN, BEAT_START, BEAT_END);

    public Vocabulary {
        tokens = List.copyOf(tokens);
        if (tokens.size() < SPECIALS.size() || !tokens.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw new IllegalArgumentException("a vocabulary starts with " + SPECIALS);
        }
        if (new HashSet<>(tokens).size() != tokens.size()) {
            throw new IllegalArgumentException("a vocabulary holds each token once");
        }
    }

    /** A vocabulary with the special tokens only: every word is unknown to it. */
    public static Vocabulary specialsOnly() {
        return new Vocabulary(SPECIALS);
    }

    public int size() {
        return tokens.size();
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public static boolean isSpecial(int id) {
        return id < SPECIALS.size();
    }

    /** Token → id, for building the tokenizer file. */
    public Map<String, Integer> ids() {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
        return ids;
    }
}
