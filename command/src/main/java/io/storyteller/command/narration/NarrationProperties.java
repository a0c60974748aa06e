package io.storyteller.command.narration;

import io.storyteller.command.narration.context.PromptSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the narration engine asks a narrator.
 *
 * @param timeout       cap on one whole generation (context fetch excluded); nothing waits longer
 * @param contextTokens prompt budget in estimated tokens: world, lore, memory and recent beats
 * @param loreScanBeats how many recent beats (besides the action) are scanned for lore trigger keys
 * @param recentBeats   how many of a story's last beats the context holds for the budget to pick among
 * @param temperature   sampling temperature sent to the model; null leaves the provider's default
 * @param topP          nucleus size sent to the model; null (default) leaves the provider's, since some
 *                      providers refuse temperature and top-p together
 * @param maxTokens     cap on generated tokens; null leaves the provider's default
 * @param contextCache  how many worlds, and how many stories, keep their narration context in memory
 *                      between narrations (least recently narrated first to go)
 */
@ConfigurationProperties("storyteller.narration")
public record NarrationProperties(@DefaultValue("60s") Duration timeout,
        @DefaultValue("2048") int contextTokens,
        @DefaultValue("4") int loreScanBeats,
        @DefaultValue("40") int recentBeats,
        @DefaultValue("0.8") Double temperature,
        Double topP,
        @DefaultValue("400") Integer maxTokens,
        @DefaultValue("1000") int contextCache) {

    public NarrationProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("storyteller.narration.timeout must be positive");
        }
        if (contextTokens < 128) {
            throw new IllegalArgumentException("storyteller.narration.context-tokens must be at least 128");
        }
        if (contextCache < 1) {
            throw new IllegalArgumentException("storyteller.narration.context-cache must be at least 1");
        }
        if (loreScanBeats < 0 || recentBeats < 1) {
            throw new IllegalArgumentException(
                    "storyteller.narration.lore-scan-beats must be >= 0 and recent-beats >= 1");
        }
    }

    /** What the context assembler is told. */
    public PromptSettings promptSettings() {
        return new PromptSettings(contextTokens, loreScanBeats, temperature, topP, maxTokens);
    }

    /** The defaults, for code that runs without Spring (tests, tools). */
    public static NarrationProperties defaults() {
        return new NarrationProperties(Duration.ofSeconds(60), 2048, 4, 40, 0.8, null, 400, 1000);
    }
}
