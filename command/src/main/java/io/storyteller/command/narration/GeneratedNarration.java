package io.storyteller.command.narration;

/**
 * What a narrator produced.
 *
 * @param model            the model name the provider reported, or null
 * @param promptTokens     as the provider reported them, or null
 * @param completionTokens as the provider reported them, or null
 */
record GeneratedNarration(String text, String model, Integer promptTokens, Integer completionTokens,
        long latencyMillis) {
}
