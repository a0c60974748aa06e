package io.storyteller.command.endpoint;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One endpoint as written under {@code storyteller.providers.<name>.*}, before it is checked
 * ({@link ProviderEndpoints} turns it into a {@link ProviderEndpoint} or refuses the start).
 * The kind stays text here so that a wrong one is refused with the property's name and the choices.
 *
 * @param kind            {@code openai}, {@code anthropic} or {@code ollama}
 * @param baseUrl         where the server is, e.g. {@code http://gpu-box:8000}; required
 * @param apiKey          from the environment or a secret store, e.g. {@code ${LOCAL_VLLM_KEY}}; optional
 *                        for OpenAI-compatible and Ollama servers, required for Anthropic
 * @param completionsPath an OpenAI-compatible server's chat path when not {@code /v1/chat/completions}
 *                        (Anthropic: instead of {@code /v1/messages})
 * @param connectTimeout  to open a connection
 * @param readTimeout     to wait for an answer to begin
 * @param selfHosted      whether its models run on hardware of one's own (registered as self-hosted, at no
 *                        token price); unset: true for {@code ollama}, false otherwise
 * @param options         default chat options
 * @param prices          per model id, USD per million tokens ({@code prices[gpt-4.1].input=2})
 */
public record EndpointSettings(String kind,
        String baseUrl,
        String apiKey,
        String completionsPath,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("120s") Duration readTimeout,
        Boolean selfHosted,
        EndpointOptions options,
        Map<String, ModelPrice> prices) {
}
