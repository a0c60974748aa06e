package io.storyteller.command.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.registry.FakeRegistry;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * Two OpenAI-compatible endpoints of one run, a paid API and a self-hosted vLLM, each scanned
 * with the OpenAI catalogue and registered under its own name, as configured under
 * {@code storyteller.providers}. One WireMock plays both, each under its own path prefix.
 */
class EndpointDiscoveryTest {

    static final String KEY = "sk-test-endpoints-4e8a1b";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    final FakeRegistry registry = new FakeRegistry();
    final RegistryCommands commands = new RegistryCommands(registry);

    @AfterEach
    void close() {
        commands.close();
    }

    @Test
    void eachEndpointOfOneKindRegistersItsModelsUnderItsOwnName() {
        server.stubFor(get("/paid/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]}""")));
        server.stubFor(get("/vllm/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"qwen2.5-7b","object":"model","max_model_len":32768}]}""")));
        MockEnvironment environment = new MockEnvironment()
                .withProperty("storyteller.providers.openai.kind", "openai")
                .withProperty("storyteller.providers.openai.base-url", server.baseUrl() + "/paid")
                .withProperty("storyteller.providers.openai.api-key", KEY)
                .withProperty("storyteller.providers.openai.prices.gpt-4o-mini.input", "0.15")
                .withProperty("storyteller.providers.openai.prices.gpt-4o-mini.output", "0.60")
                .withProperty("storyteller.providers.local-vllm.kind", "openai")
                .withProperty("storyteller.providers.local-vllm.base-url", server.baseUrl() + "/vllm")
                .withProperty("storyteller.providers.local-vllm.self-hosted", "true")
                .withProperty("storyteller.providers.local-vllm.prices.qwen2.5-7b.input", "9");
        List<ProviderConnection> connections = ProviderConnections.of(ProviderEndpoints.configured(environment));
        DiscoveryProperties properties = DiscoveryProperties.defaults();
        ModelDiscovery discovery = new ModelDiscovery(DiscoveryConfiguration.catalogues(connections, properties),
                new ProviderScanner(registry::views, commands, properties), properties, Clock.systemUTC());

        DiscoveryReport report;
        try {
            report = discovery.scan("system");
        } finally {
            discovery.close();
        }

        assertThat(report.providers()).containsExactly(
                new ProviderScan("local-vllm", true, 1, 1, 0, 0, null),
                new ProviderScan("openai", true, 1, 1, 0, 0, null));
        assertThat(registry.sent(RegisterModel.class)).containsExactly(
                new RegisterModel("local-vllm:qwen2.5-7b", new ModelSpec("local-vllm", "qwen2.5-7b", ModelKind.CHAT,
                        List.of("chat"), 32768, TokenPrice.zero(), "unknown"), ModelSource.SELF_HOSTED,
                        "discovery:local-vllm", Actor.system()),
                new RegisterModel("openai:gpt-4o-mini", new ModelSpec("openai", "gpt-4o-mini", ModelKind.CHAT,
                        List.of("chat"), 4096, new TokenPrice(new BigDecimal("0.15"), new BigDecimal("0.60"), "USD"),
                        "proprietary"), ModelSource.PAID_API, "discovery:openai", Actor.system()));
        server.verify(getRequestedFor(urlEqualTo("/paid/v1/models")).withHeader("Authorization", equalTo("Bearer " + KEY)));
        server.verify(getRequestedFor(urlEqualTo("/vllm/v1/models")).withHeader("Authorization", absent()));
    }

    @Test
    void anEndpointsOwnPriceComesBeforeTheDiscoveryTable() {
        server.stubFor(get("/paid/v1/models").willReturn(okJson("""
                {"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]}""")));
        ProviderConnection paid = new ProviderConnection("openai", server.baseUrl() + "/paid", KEY);
        ProviderConnection priced = new ProviderConnection("openai", paid.kind(), paid.baseUrl(), KEY, false,
                Map.of("gpt-4o-mini", new io.storyteller.command.endpoint.ModelPrice(BigDecimal.ONE, BigDecimal.TEN)));
        DiscoveryProperties table = new DiscoveryProperties(true, DiscoveryProperties.defaults().initialDelay(),
                DiscoveryProperties.defaults().interval(), DiscoveryProperties.defaults().connectTimeout(),
                DiscoveryProperties.defaults().readTimeout(), 4096, 20,
                Map.of("openai", Map.of("gpt-4o-mini", new DiscoveryProperties.Price(BigDecimal.TWO, BigDecimal.TWO))));

        new ProviderScanner(registry::views, commands, table)
                .scan(DiscoveryConfiguration.catalogues(List.of(priced), table).getFirst());

        assertThat(registry.sent(RegisterModel.class)).singleElement()
                .satisfies(model -> assertThat(model.spec().price())
                        .isEqualTo(new TokenPrice(BigDecimal.ONE, BigDecimal.TEN, "USD")));
    }
}
