package io.storyteller.command.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** What is scanned and how, from configuration. */
class DiscoverySettingsTest {

    @Test
    void the_defaults_scan_every_six_hours_starting_shortly_after_the_start() {
        DiscoveryProperties defaults = bind(Map.of());

        assertThat(defaults).isEqualTo(DiscoveryProperties.defaults());
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.interval()).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.initialDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void prices_are_per_provider_and_model_with_brackets_for_ids_holding_dots() {
        DiscoveryProperties properties = bind(Map.of(
                "storyteller.discovery.prices.openai.gpt-4o-mini.input", "0.15",
                "storyteller.discovery.prices.openai.gpt-4o-mini.output", "0.60",
                "storyteller.discovery.prices.openai[gpt-4.1].output", "8"));

        assertThat(properties.prices().get("openai")).containsEntry("gpt-4o-mini",
                        new DiscoveryProperties.Price(new BigDecimal("0.15"), new BigDecimal("0.60")))
                .containsEntry("gpt-4.1", new DiscoveryProperties.Price(null, new BigDecimal("8")));
    }

    @Test
    void only_providers_with_a_spring_ai_connection_are_scanned() {
        assertThat(ProviderConnections.configured(new MockEnvironment())).isEmpty();

        var environment = new MockEnvironment()
                .withProperty("spring.ai.openai.api-key", "sk-secret")
                .withProperty("spring.ai.anthropic.base-url", "http://anthropic.local") // no key: not scanned
                .withProperty("spring.ai.ollama.base-url", "http://gpu-box:11434/");

        assertThat(ProviderConnections.configured(environment)).containsExactly(
                new ProviderConnection("openai", "https://api.openai.com", "sk-secret"),
                new ProviderConnection("ollama", "http://gpu-box:11434", null));
        assertThat(ProviderConnections.configured(environment).getFirst().toString()).doesNotContain("sk-secret");
    }

    private static DiscoveryProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("storyteller.discovery", DiscoveryProperties.class);
    }
}
