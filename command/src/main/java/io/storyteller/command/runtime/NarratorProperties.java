package io.storyteller.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which narrator answers player actions. {@code storyteller.narrator.provider}: {@code house}
 * (default, needs no network or key), {@code openai} (any OpenAI-compatible endpoint),
 * {@code anthropic} or {@code ollama}; the provider's own settings live under {@code spring.ai.*}.
 */
@ConfigurationProperties("storyteller.narrator")
public record NarratorProperties(@DefaultValue("house") NarratorProvider provider) {
}
