package io.storyteller.command.discovery;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How model discovery scans the configured providers' catalogues ({@code storyteller.discovery.*}).
 * Which endpoints are scanned: see {@link ProviderConnections}.
 *
 * @param enabled              scan on a schedule; on-demand scans (ScanProviders) work either way
 * @param initialDelay         wait after the start before the first scheduled scan
 * @param interval             pause between two scheduled scans
 * @param connectTimeout       to open a connection to a provider
 * @param readTimeout          to wait for a provider's answer
 * @param defaultContextWindow tokens assumed when a catalogue does not tell a model's context window
 * @param maxPages             pages read from a paginated catalogue (Anthropic) in one scan
 * @param prices               per endpoint name and model id (an endpoint's own {@code prices} come first), USD per million input and output
 *                             tokens, e.g. {@code storyteller.discovery.prices.openai.gpt-4o-mini.input=0.15};
 *                             ids with '.' or ':' in brackets: {@code prices.openai[gpt-4.1].input=2};
 *                             a model without an entry is registered at zero. Ollama's are always zero.
 */
@ConfigurationProperties("storyteller.discovery")
public record DiscoveryProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration initialDelay,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("4096") int defaultContextWindow,
        @DefaultValue("20") int maxPages,
        Map<String, Map<String, Price>> prices) {

    /** A price table entry, USD per million tokens; an unset side is zero. */
    public record Price(BigDecimal input, BigDecimal output) {
    }

    public DiscoveryProperties {
        requirePositive("interval", interval);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("storyteller.discovery.initial-delay must not be negative");
        }
        if (defaultContextWindow < 1) {
            throw new IllegalArgumentException("storyteller.discovery.default-context-window must be at least 1");
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("storyteller.discovery.max-pages must be at least 1");
        }
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }

    /** The defaults, for code that runs without Spring (tests). */
    public static DiscoveryProperties defaults() {
        return new DiscoveryProperties(true, Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofSeconds(5),
                Duration.ofSeconds(20), 4096, 20, Map.of());
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("storyteller.discovery." + name + " must be positive");
        }
    }
}
