package io.storyteller.command.housemodel.text;

import java.util.List;

/**
 * Texts a player or a world's author may type that are more than letters and punctuation, one per
 * kind, each with the words the house tokenizer should find in it.
 *
 * @param words the words and marks, as the tokenizer reads them (composed, lone surrogates replaced)
 */
public record UnusualText(String kind, String text, List<String> words) {

    public static final String REPLACEMENT = "\uFFFD";

    public static final List<UnusualText> KINDS = List.of(
            new UnusualText("lone high surrogate", "the \uD83D keeper", List.of("the", REPLACEMENT, "keeper")),
            new UnusualText("lone low surrogate", "the\uDE00keeper", List.of("the", REPLACEMENT, "keeper")),
            new UnusualText("surrogates out of order", "ash \uDE00\uD83D ash", List.of("ash", REPLACEMENT, REPLACEMENT, "ash")),
            new UnusualText("emoji", "the 😀 keeper waves 🐉", List.of("the", "😀", "keeper", "waves", "🐉")),
            new UnusualText("supplementary letters", "𝔘𝔫𝔦 and 𠀋 runes", List.of("𝔘𝔫𝔦", "and", "𠀋", "runes")),
            new UnusualText("control characters", "bell\u0007 escape\u001B", List.of("bell", "\u0007", "escape", "\u001B")),
            new UnusualText("NUL", "salt\u0000silver", List.of("salt", "\u0000", "silver")),
            new UnusualText("right-to-left override", "\u202Eevil\u202C שלום", List.of("\u202E", "evil", "\u202C", "שלום")),
            new UnusualText("combining marks", "cafe\u0301 nai\u0308ve", List.of("café", "naïve")),
            new UnusualText("zero-width joiner", "kin 👨\u200D👩\u200D👧 zero\u200Bwidth",
                    List.of("kin", "👨", "\u200D", "👩", "\u200D", "👧", "zero", "\u200B", "width")));

    /** Every kind at once, as lore might hold it. */
    public static String all() {
        return String.join(" ", KINDS.stream().map(UnusualText::text).toList());
    }

    @Override
    public String toString() {
        return kind;
    }
}
