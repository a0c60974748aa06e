package io.storyteller.domain.safety;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of harm the guardrail judges (see {@code docs/eval/guardrail-policy.md}). */
public enum HarmCategory {
    VIOLENCE("violence"),
    SEXUAL("sexual"),
    SELF_HARM("self-harm"),
    HATE("hate"),
    HARASSMENT("harassment"),
    ILLEGAL("illegal");

    private final String key;

    HarmCategory(String key) {
        this.key = key;
    }

    /** The category's name in labelled sets and verdicts, e.g. {@code self-harm}. */
    public String key() {
        return key;
    }

    public static Optional<HarmCategory> fromKey(String key) {
        return Arrays.stream(values()).filter(category -> category.key.equals(key)).findFirst();
    }
}
