package io.storyteller.command.narration;

/** What OpenAI-compatible and Anthropic servers answer, for local test servers. */
final class ProviderAnswers {

    private ProviderAnswers() {
    }

    static String openAiStream(String model, String text) {
        return """
                data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%1$s","choices":[{"index":0,"delta":{"role":"assistant","content":"%2$s"},"finish_reason":"stop"}]}

                data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"%1$s","choices":[],"usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}

                data: [DONE]

                """.formatted(model, text);
    }

    static String anthropicStream(String model, String text) {
        return """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"%1$s","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":42,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"%2$s"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}

                event: message_stop
                data: {"type":"message_stop"}

                """.formatted(model, text);
    }

    static String anthropicMessage(String model, String text) {
        return """
                {"id":"msg_2","type":"message","role":"assistant","model":"%1$s",
                 "content":[{"type":"text","text":"%2$s"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":42,"output_tokens":7}}
                """.formatted(model, text);
    }
}
