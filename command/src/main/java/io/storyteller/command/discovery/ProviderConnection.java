package io.storyteller.command.discovery;

import io.storyteller.command.endpoint.ModelPrice;
import io.storyteller.command.endpoint.ProviderKind;
import java.net.URI;
import java.util.Map;

/**
 * Where a provider endpoint's catalogue is, how it speaks, and the key it takes (null when none).
 * Its text form never shows the key, so it can be logged.
 *
 * @param provider   the endpoint's name, the first part of the model ids it registers
 * @param selfHosted its models run on hardware of one's own: registered as self-hosted, at no price
 * @param prices     the endpoint's own price table by model id (before {@code storyteller.discovery.prices})
 */
public record ProviderConnection(String provider, ProviderKind kind, String baseUrl, String apiKey, boolean selfHosted,
        Map<String, ModelPrice> prices) {

    public ProviderConnection {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** An endpoint named after its kind ({@code openai}, {@code anthropic}, {@code ollama}), as Spring AI's properties give it. */
    public ProviderConnection(String provider, String baseUrl, String apiKey) {
        this(provider, ProviderKind.named(provider).orElse(ProviderKind.OPENAI), baseUrl, apiKey,
                ProviderKind.named(provider).orElse(null) == ProviderKind.OLLAMA, Map.of());
    }

    public boolean hasKey() {
        return apiKey != null;
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

    /** The text with every occurrence of the key masked. */
    public String mask(String text) {
        return text == null || apiKey == null ? text : text.replace(apiKey, "****");
    }

    @Override
    public String toString() {
        return "ProviderConnection[" + provider + " (" + kind.configName() + ") at " + location()
                + (hasKey() ? ", key ****" : "") + "]";
    }
}
