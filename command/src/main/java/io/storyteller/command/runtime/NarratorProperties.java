package io.storyteller.command.runtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which narrator answers player actions where no deployment routes them.
 * {@code storyteller.narrator.provider}: {@code house} (default, needs no network or key), or a
 * provider endpoint's name: {@code openai}, {@code anthropic} and {@code ollama} as Spring AI's
 * {@code spring.ai.*} properties configure them, or any endpoint declared under
 * {@code storyteller.providers.<name>}.
 */
@ConfigurationProperties("storyteller.narrator")
public record NarratorProperties(@DefaultValue("house") NarratorProvider provider) {
}
