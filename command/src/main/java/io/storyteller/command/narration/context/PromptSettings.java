package io.storyteller.command.narration.context;

/**
 * How a prompt is assembled and what it asks of the model.
 *
 * @param contextTokens prompt budget in estimated tokens: world, lore, memory and recent beats
 * @param loreScanBeats how many recent beats (besides the action) are scanned for lore trigger keys
 * @param temperature   sampling temperature sent to the model; null leaves the provider's default
 * @param topP          nucleus size sent to the model; null leaves the provider's
 * @param maxTokens     cap on generated tokens; null leaves the provider's default
 */
public record PromptSettings(int contextTokens, int loreScanBeats, Double temperature, Double topP, Integer maxTokens) {
}
