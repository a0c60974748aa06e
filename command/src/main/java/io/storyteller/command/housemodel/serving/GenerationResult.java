package io.storyteller.command.housemodel.serving;

/**
 * What one generation produced.
 *
 * @param text             the generated text, exactly the concatenation of the streamed pieces
 * @param promptTokens     tokens read from the prompt tail
 * @param completionTokens tokens generated
 * @param finishReason     {@code STOP} at a beat end or sentence end, {@code LENGTH} at maxTokens
 */
public record GenerationResult(String text, int promptTokens, int completionTokens, String finishReason) {

    public static final String STOP = "STOP";
    public static final String LENGTH = "LENGTH";
}
