package io.storyteller.command.runtime.onnx;

import java.util.List;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

/**
 * A chat prompt as the plain text a causal LM continues: the system text first, then each turn on
 * its own lines as {@code User: …} / {@code Assistant: …}, ending with {@code Assistant:} for the model
 * to answer. Repositories' chat templates are Jinja programs, which nothing here runs; a transcript
 * is what small base models (GPT-2 style) continue best anyway. The model's own next {@code User:}
 * line is a stop sequence, so it answers one turn.
 */
final class TranscriptPrompt {

    static final String USER = "User:";
    static final String ASSISTANT = "Assistant:";
    static final List<String> STOPS = List.of("\n" + USER);

    private TranscriptPrompt() {
    }

    static String of(List<Message> messages) {
        StringBuilder text = new StringBuilder();
        for (Message message : messages) {
            String content = message.getText() == null ? "" : message.getText().strip();
            if (content.isEmpty()) {
                continue;
            }
            if (message.getMessageType() == MessageType.SYSTEM) {
                text.append(content).append("\n\n");
            } else if (message.getMessageType() == MessageType.USER) {
                text.append(USER).append(' ').append(content).append('\n');
            } else if (message.getMessageType() == MessageType.ASSISTANT) {
                text.append(ASSISTANT).append(' ').append(content).append('\n');
            }
        }
        return text.append(ASSISTANT).toString();
    }
}
