package io.storyteller.command.corpus;

/** One message of the chat format: {@code user} for player actions, {@code assistant} for narrations. */
record ChatTurn(String role, String content) {

    static final String SYSTEM = "system";
    static final String USER = "user";
    static final String ASSISTANT = "assistant";
}
