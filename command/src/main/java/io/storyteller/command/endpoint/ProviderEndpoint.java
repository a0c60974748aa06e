package io.storyteller.command.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A named connection to one LLM server: the {@code <name>} of model ids {@code <name>:<model>}.
 * Several may be of one kind ({@code openai} and {@code local-vllm}, both OpenAI-compatible).
 * Its text form never shows the key or the address's path and user part, so it can be logged.
 *
 * @param fromSpringAi true for the endpoint Spring AI's own {@code spring.ai.<kind>.*} properties
 *                     describe (named after its kind): its chat model is Spring AI's auto-configured one
 */
public record ProviderEndpoint(String name,
        ProviderKind kind,
        String baseUrl,
        String apiKey,
        String completionsPath,
        Duration connectTimeout,
        Duration readTimeout,
        boolean selfHosted,
        EndpointOptions options,
        Map<String, ModelPrice> prices,
        boolean fromSpringAi) {

    public ProviderEndpoint {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        completionsPath = completionsPath == null || completionsPath.isBlank() ? null : completionsPath.strip();
        options = options == null ? EndpointOptions.none() : options;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    public boolean hasKey() {
        return apiKey != null;
    }

    /** Where it is configured: {@code storyteller.providers.<name>} or {@code spring.ai.<kind>}. */
    public String properties() {
        return fromSpringAi ? "spring.ai." + kind.configName() : ProviderEndpoints.PREFIX + "." + name;
    }

    /** Scheme, host and port only: what may appear in a report or a log line. */
    public String location() {
        try {
            URI uri = URI.create(baseUrl);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(invalid base URL)";
        }
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[" + name + " (" + kind.configName() + ") at " + location()
                + (hasKey() ? ", key ****" : "") + "]";
    }
}
