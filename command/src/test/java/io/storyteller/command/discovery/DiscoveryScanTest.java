package io.storyteller.command.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.registry.FakeRegistry;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.FindDiscoveryRuns;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ProviderScan;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.ScanProviders;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Discovery against local HTTP servers: one WireMock plays every provider, each under its own
 * path prefix as its base URL. The registry is a double that decides as the Model aggregate does.
 */
@ExtendWith(OutputCaptureExtension.class)
class DiscoveryScanTest {

    static final String OPENAI_KEY = "sk-test-discovery-3b7c41d9e2";
    static final String ANTHROPIC_KEY = "sk-ant-test-discovery-9a1f0c";

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
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
    void an_openai_compatible_listing_is_registered_with_prices_from_the_table() {
        server.stubFor(get("/openai/v1/models").withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .willReturn(okJson("""
                        {"object":"list","data":[
                          {"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system"},
                          {"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"},
                          {"id":"whisper-1","object":"model","created":1677532384,"owned_by":"openai-internal"},
                          {"id":"local-mistral","object":"model","owned_by":"vllm","max_model_len":32768}]}""")));
        var prices = Map.of("openai", Map.of("gpt-4o-mini",
                new DiscoveryProperties.Price(new BigDecimal("0.15"), new BigDecimal("0.60"))));

        DiscoveryReport report = discovery(properties(prices), openAi()).scan("system");

        assertThat(report.providers()).containsExactly(new ProviderScan("openai", true, 3, 3, 0, 0, null));
        assertThat(registry.sent(RegisterModel.class)).containsExactly(
                paid("openai", "gpt-4o-mini", ModelKind.CHAT, List.of("chat"), 4096,
                        new TokenPrice(new BigDecimal("0.15"), new BigDecimal("0.60"), "USD")),
                paid("openai", "text-embedding-3-small", ModelKind.EMBEDDING, List.of("embedding"), 4096, TokenPrice.zero()),
                paid("openai", "local-mistral", ModelKind.CHAT, List.of("chat"), 32768, TokenPrice.zero()));
        assertThat(registry.sent(AddModelVersion.class)).containsExactly(
                version("openai:gpt-4o-mini", "gpt-4o-mini"),
                version("openai:text-embedding-3-small", "text-embedding-3-small"),
                version("openai:local-mistral", "local-mistral"));
    }

    @Test
    void anthropic_is_read_page_by_page_with_its_headers() {
        server.stubFor(get(urlEqualTo("/anthropic/v1/models?limit=100")).willReturn(okJson("""
                {"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"},
                         {"type":"model","id":"claude-haiku-4-5","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],
                 "has_more":true,"first_id":"claude-sonnet-4-5","last_id":"claude-haiku-4-5"}""")));
        server.stubFor(get(urlEqualTo("/anthropic/v1/models?limit=100&after_id=claude-haiku-4-5")).willReturn(okJson("""
                {"data":[{"type":"model","id":"claude-3-opus-20240229","display_name":"Claude 3 Opus","max_input_tokens":200000}],
                 "has_more":false,"first_id":"claude-3-opus-20240229","last_id":"claude-3-opus-20240229"}""")));

        DiscoveryReport report = discovery(properties(Map.of()), anthropic()).scan("system");

        assertThat(report.providers()).containsExactly(new ProviderScan("anthropic", true, 3, 3, 0, 0, null));
        assertThat(registry.sent(RegisterModel.class)).containsExactly(
                paid("anthropic", "claude-sonnet-4-5", ModelKind.CHAT, List.of("chat"), 4096, TokenPrice.zero()),
                paid("anthropic", "claude-haiku-4-5", ModelKind.CHAT, List.of("chat"), 4096, TokenPrice.zero()),
                paid("anthropic", "claude-3-opus-20240229", ModelKind.CHAT, List.of("chat"), 200000, TokenPrice.zero()));
        server.verify(2, getRequestedFor(urlPathEqualTo("/anthropic/v1/models"))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01")));
    }

    @Test
    void ollama_models_are_self_hosted_free_and_versioned_by_digest() {
        server.stubFor(get("/ollama/api/tags").willReturn(okJson("""
                {"models":[
                  {"name":"llama3.1:latest","model":"llama3.1:latest","size":4920753328,
                   "digest":"46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
                   "details":{"format":"gguf","family":"llama","families":["llama"],"parameter_size":"8.0B","quantization_level":"Q4_K_M"}},
                  {"name":"nomic-embed-text:latest","model":"nomic-embed-text:latest",
                   "digest":"0a109f422b47e3a30ba2b10eca18548e944e8a23073ee3f3e947efcf3c45e59f",
                   "details":{"family":"nomic-bert","families":["nomic-bert"]}},
                  {"name":"qwen2.5:7b","model":"qwen2.5:7b","digest":"sha256:845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
                   "details":{"family":"qwen2","license":"apache-2.0"}}]}""")));
        // A price table entry for a model run in house is ignored: it bills no tokens.
        var prices = Map.of("ollama", Map.of("llama3.1", new DiscoveryProperties.Price(BigDecimal.ONE, BigDecimal.ONE)));

        DiscoveryReport report = discovery(properties(prices), ollama()).scan("system");

        assertThat(report.providers()).containsExactly(new ProviderScan("ollama", true, 3, 3, 0, 0, null));
        assertThat(registry.sent(RegisterModel.class)).containsExactly(
                selfHosted("llama3.1", ModelKind.CHAT, List.of("chat"), "unknown"),
                selfHosted("nomic-embed-text", ModelKind.EMBEDDING, List.of("embedding"), "unknown"),
                selfHosted("qwen2.5:7b", ModelKind.CHAT, List.of("chat"), "apache-2.0"));
        assertThat(registry.sent(AddModelVersion.class)).containsExactly(
                version("ollama:llama3.1", "46e0c10c039e"),
                version("ollama:nomic-embed-text", "0a109f422b47"),
                version("ollama:qwen2.5:7b", "845dbda0ea48"));
    }

    @Test
    void a_failing_provider_is_reported_without_its_key_while_the_others_are_scanned(CapturedOutput output)
            throws IOException {
        server.stubFor(get("/openai/v1/models").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_KEY + "\"}}")));
        server.stubFor(get("/ollama/api/tags").willReturn(okJson("{\"models\":[{\"name\":\"llama3.1:latest\",\"digest\":\"46e0c10c039e019119339687\"}]}")));
        ProviderConnection refusing = new ProviderConnection("anthropic", "http://127.0.0.1:" + closedPort(), ANTHROPIC_KEY);

        DiscoveryReport report = discovery(properties(Map.of()), openAi(), refusing, ollama()).scan("system");

        assertThat(report.providers()).extracting(ProviderScan::provider, ProviderScan::ok, ProviderScan::modelsRegistered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("openai", false, 0),
                        org.assertj.core.groups.Tuple.tuple("anthropic", false, 0),
                        org.assertj.core.groups.Tuple.tuple("ollama", true, 1));
        assertThat(report.providers().get(0).error()).isEqualTo(location() + " answered HTTP 401 (check the API key)");
        assertThat(report.providers().get(1).error()).endsWith("refused the connection");
        assertThat(report.toString()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
        assertThat(output.getAll()).contains("Discovery of openai failed")
                .doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
    }

    @Test
    void an_answer_that_is_not_a_model_list_is_reported() {
        server.stubFor(get("/openai/v1/models").willReturn(aResponse().withStatus(200).withBody("<html>login</html>")));
        server.stubFor(get("/ollama/api/tags").willReturn(okJson("{\"tags\":[]}")));
        server.stubFor(get(urlPathEqualTo("/anthropic/v1/models")).willReturn(aResponse().withStatus(500)));

        DiscoveryReport report = discovery(properties(Map.of()), openAi(), anthropic(), ollama()).scan("system");

        assertThat(report.providers()).extracting(ProviderScan::error).containsExactly(
                location() + " answered something that is not JSON",
                location() + " answered HTTP 500",
                location() + " answered JSON that is not a model list");
        assertThat(registry.sent).isEmpty();
    }

    @Test
    void registered_models_are_skipped_and_a_new_version_of_a_known_model_is_added() {
        server.stubFor(get("/openai/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"gpt-4o-mini\"},{\"id\":\"gpt-4o\"},{\"id\":\"gpt-3.5-turbo\"}]}")));
        server.stubFor(get("/ollama/api/tags").willReturn(okJson("""
                {"models":[{"name":"llama3.1:latest","digest":"46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e"}]}""")));
        registry.given(paid("openai", "gpt-4o-mini", ModelKind.CHAT, List.of("chat"), 128000, TokenPrice.zero()), "gpt-4o-mini");
        registry.given(paid("openai", "gpt-3.5-turbo", ModelKind.CHAT, List.of("chat"), 16000, TokenPrice.zero()));
        registry.retire("openai:gpt-3.5-turbo");
        registry.given(selfHosted("llama3.1", ModelKind.CHAT, List.of("chat"), "unknown"), "aaaabbbbcccc");

        DiscoveryReport report = discovery(properties(Map.of()), openAi(), ollama()).scan("system");

        assertThat(report.providers()).containsExactly(
                new ProviderScan("openai", true, 3, 1, 0, 0, null),
                new ProviderScan("ollama", true, 1, 0, 1, 0, null));
        assertThat(registry.sent).containsExactly(
                paid("openai", "gpt-4o", ModelKind.CHAT, List.of("chat"), 4096, TokenPrice.zero()),
                version("openai:gpt-4o", "gpt-4o"),
                version("ollama:llama3.1", "46e0c10c039e"));
    }

    @Test
    void a_model_the_registry_refuses_is_counted_and_told_and_the_rest_registered() {
        String tooLong = "x".repeat(201);
        server.stubFor(get("/openai/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"" + tooLong + "\"},{\"id\":\"gpt-4o\"}]}")));

        ProviderScan scan = discovery(properties(Map.of()), openAi()).scan("system").providers().getFirst();

        assertThat(scan.ok()).isTrue();
        assertThat(scan.modelsRegistered()).isEqualTo(1);
        assertThat(scan.modelsRejected()).isEqualTo(1);
        assertThat(scan.error()).startsWith("1 refused by the registry: openai:" + tooLong + ": ");
    }

    @Test
    void scanning_on_demand_is_for_model_managers_and_the_runs_are_kept_newest_first() {
        server.stubFor(get("/openai/v1/models").willReturn(okJson("{\"data\":[{\"id\":\"gpt-4o\"}]}")));
        Actor manager = new Actor("meta", Set.of(PlatformRole.MODEL_MANAGER));
        Actor player = new Actor("alice", Set.of(PlatformRole.PLAYER, PlatformRole.WORLD_ADMIN));
        ModelDiscovery discovery = discovery(properties(Map.of()), openAi());
        try {
            assertThatThrownBy(() -> discovery.handle(new ScanProviders(player))).isInstanceOf(DomainRejection.class);

            DiscoveryReport first = discovery.handle(new ScanProviders(manager));
            DiscoveryReport second = discovery.handle(new ScanProviders(manager));

            assertThat(first.requestedBy()).isEqualTo("meta");
            assertThat(first.providers()).containsExactly(new ProviderScan("openai", true, 1, 1, 0, 0, null));
            assertThat(second.providers()).containsExactly(new ProviderScan("openai", true, 1, 0, 0, 0, null));
            assertThat(discovery.handle(new FindDiscoveryRuns(10, manager))).containsExactly(second, first);
            assertThat(discovery.handle(new FindDiscoveryRuns(1, manager))).containsExactly(second);
            assertThat(discovery.handle(new FindDiscoveryRuns(10, player))).isEmpty();
        } finally {
            discovery.close();
        }
    }

    private ModelDiscovery discovery(DiscoveryProperties properties, ProviderConnection... connections) {
        return new ModelDiscovery(DiscoveryConfiguration.catalogues(List.of(connections), properties),
                new ProviderScanner(registry::views, commands, properties), properties, Clock.systemUTC());
    }

    private static DiscoveryProperties properties(Map<String, Map<String, DiscoveryProperties.Price>> prices) {
        return new DiscoveryProperties(true, Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 4096, 20, prices);
    }

    private static ProviderConnection openAi() {
        return new ProviderConnection("openai", server.baseUrl() + "/openai", OPENAI_KEY);
    }

    private static ProviderConnection anthropic() {
        return new ProviderConnection("anthropic", server.baseUrl() + "/anthropic/", ANTHROPIC_KEY);
    }

    private static ProviderConnection ollama() {
        return new ProviderConnection("ollama", server.baseUrl() + "/ollama", null);
    }

    private static String location() {
        return "http://localhost:" + server.getPort();
    }

    private static RegisterModel paid(String provider, String id, ModelKind kind, List<String> capabilities, int context,
            TokenPrice price) {
        return new RegisterModel(provider + ":" + id, new ModelSpec(provider, id, kind, capabilities, context, price,
                "proprietary"), ModelSource.PAID_API, "discovery:" + provider, Actor.system());
    }

    private static RegisterModel selfHosted(String id, ModelKind kind, List<String> capabilities, String license) {
        return new RegisterModel("ollama:" + id, new ModelSpec("ollama", id, kind, capabilities, 4096, TokenPrice.zero(),
                license), ModelSource.SELF_HOSTED, "discovery:ollama", Actor.system());
    }

    private static AddModelVersion version(String modelId, String version) {
        return new AddModelVersion(modelId, version, null, null, null, Actor.system());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
