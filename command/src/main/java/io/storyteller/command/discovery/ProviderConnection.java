package io.storyteller.command.discovery;

import java.net.URI;

/**
 * Where a provider's catalogue is and the key it takes (null when none). Its text form never
 * shows the key, so it can be logged.
 */
public record ProviderConnection(String provider, String baseUrl, String apiKey) {

    public ProviderConnection {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
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
        return "ProviderConnection[" + provider + " at " + location() + (hasKey() ? ", key ****" : "") + "]";
    }
}
