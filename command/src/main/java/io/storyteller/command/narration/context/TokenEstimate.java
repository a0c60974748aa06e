package io.storyteller.command.narration.context;

/**
 * A tokenizer-free token estimate: about four tokens for every three words, which is close for
 * English BPE vocabularies and errs on the generous side for word-level house models.
 */
public final class TokenEstimate {

    /** What a chat message costs besides its text (role markers). */
    static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    public static int of(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int words = text.strip().split("\\s+").length;
        return (words * 4 + 2) / 3;
    }

    static int ofMessage(String text) {
        return of(text) + PER_MESSAGE;
    }
}
