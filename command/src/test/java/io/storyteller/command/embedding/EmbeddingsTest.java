package io.storyteller.command.embedding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.housemodel.embedding.SentenceEmbedder;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.runtime.EmbeddingRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.command.runtime.RuntimeConfiguration;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.command.slot.StageSlots;
import io.storyteller.domain.deployment.FindSlotRoute;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.retrieval.EmbedTexts;
import io.storyteller.domain.retrieval.TextEmbeddings;
import io.storyteller.domain.shared.DomainRejection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which model embeds a world's texts: its embedder slot's stable version, else the bundled house model. */
class EmbeddingsTest {

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    private static SentenceEmbedder house;

    /** The slot the query side answers for every world; null: none. */
    private final AtomicReference<ModelRef> slot = new AtomicReference<>();

    @BeforeAll
    static void load() {
        house = SentenceEmbedder.bundled();
    }

    @AfterAll
    static void close() {
        house.close();
    }

    @Test
    void aWorldWithoutAnEmbedderSlotIsEmbeddedByTheBundledModel() {
        withEndpoints(runtimes -> {
            TextEmbeddings answer = new Embeddings(house, slots(), runtimes).handle(new EmbedTexts("w1", List.of("a", "b")));
            assertThat(answer.modelId()).isEqualTo(SentenceEmbedder.MODEL_ID);
            assertThat(answer.version()).isEqualTo(SentenceEmbedder.VERSION);
            assertThat(answer.dimensions()).isEqualTo(384);
            assertThat(answer.vectors()).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(384));
        });
    }

    @Test
    void aSlotServingTheBundledModelIsServedInProcessAndAnyOtherVersionOfItIsRefused() {
        withEndpoints(runtimes -> {
            slot.set(new ModelRef(SentenceEmbedder.MODEL_ID, SentenceEmbedder.VERSION));
            assertThat(new Embeddings(house, slots(), runtimes).handle(new EmbedTexts("w1", List.of("fog"))).vectors().getFirst())
                    .containsExactly(house.embed("fog"));
            slot.set(new ModelRef(SentenceEmbedder.MODEL_ID, "2"));
            Embeddings embeddings = new Embeddings(house, slots(), runtimes); // a new reader: slots are kept a few seconds
            assertThatThrownBy(() -> embeddings.handle(new EmbedTexts("w1", List.of("fog"))))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("not bundled");
        });
    }

    @Test
    void aSlotServedByAnOpenAiCompatibleEndpointEmbedsThereAndNamesItsVersionAndDimensions() {
        server.stubFor(post("/v1/embeddings").willReturn(json("""
                {"object":"list","model":"nomic-embed-text","usage":{"prompt_tokens":4,"total_tokens":4},
                 "data":[{"object":"embedding","index":0,"embedding":[3.0,0.0,4.0]},
                         {"object":"embedding","index":1,"embedding":[0.0,2.0,0.0]}]}
                """)));
        slot.set(new ModelRef("local:nomic-embed-text", "v1.5"));
        withEndpoints(runtimes -> {
            TextEmbeddings answer = new Embeddings(house, slots(), runtimes)
                    .handle(new EmbedTexts("w1", List.of("the harbour bell", "the lighthouse")));

            assertThat(answer.modelId()).isEqualTo("local:nomic-embed-text");
            assertThat(answer.version()).isEqualTo("v1.5");
            assertThat(answer.dimensions()).isEqualTo(3);
            // scaled to unit length, so that cosine stays a dot product
            assertThat(answer.vectors().get(0)[0]).isCloseTo(0.6f, offset(1e-6f));
            assertThat(answer.vectors().get(0)[2]).isCloseTo(0.8f, offset(1e-6f));
            assertThat(answer.vectors().get(1)).containsExactly(0f, 1f, 0f);
        });
        server.verify(postRequestedFor(urlEqualTo("/v1/embeddings"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("nomic-embed-text")))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("the harbour bell")))
                .withRequestBody(matchingJsonPath("$.input[1]", equalTo("the lighthouse"))));
    }

    /** A text embedded a moment ago (a turn's action, then its beat being indexed) is not sent again. */
    @Test
    void aTextEmbeddedAMomentAgoByTheSameVersionIsNotSentAgain() {
        server.stubFor(post("/api/embed").withRequestBody(matchingJsonPath("$.input[0]", equalTo("fog")))
                .willReturn(json("""
                {"model":"mxbai-embed-large","embeddings":[[0.0,0.0,0.0,5.0]]}
                """)));
        server.stubFor(post("/api/embed").withRequestBody(matchingJsonPath("$.input[0]", equalTo("the quay")))
                .willReturn(json("""
                {"model":"mxbai-embed-large","embeddings":[[0.0,3.0,0.0,0.0]]}
                """)));
        slot.set(new ModelRef("lab:mxbai-embed-large", "1"));
        withEndpoints(runtimes -> {
            Embeddings embeddings = new Embeddings(house, slots(), runtimes);
            embeddings.handle(new EmbedTexts("w1", List.of("fog")));
            TextEmbeddings again = embeddings.handle(new EmbedTexts("w1", List.of("the quay", "fog")));

            assertThat(again.vectors().get(0)).containsExactly(0f, 1f, 0f, 0f);
            assertThat(again.vectors().get(1)).containsExactly(0f, 0f, 0f, 1f);
            again.vectors().get(1)[3] = 9f; // a caller's copy: what is kept stays as embedded
            assertThat(embeddings.handle(new EmbedTexts("w1", List.of("fog"))).vectors().getFirst())
                    .containsExactly(0f, 0f, 0f, 1f);
        });
        server.verify(1, postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("fog"))));
        server.verify(1, postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.input.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("the quay"))));
    }

    @Test
    void aSlotServedByAnOllamaEndpointEmbedsThere() {
        server.stubFor(post("/api/embed").willReturn(json("""
                {"model":"mxbai-embed-large","embeddings":[[0.0,0.0,0.0,5.0]]}
                """)));
        slot.set(new ModelRef("lab:mxbai-embed-large", "1"));
        withEndpoints(runtimes -> {
            TextEmbeddings answer = new Embeddings(house, slots(), runtimes).handle(new EmbedTexts("w1", List.of("fog")));
            assertThat(answer.modelId()).isEqualTo("lab:mxbai-embed-large");
            assertThat(answer.dimensions()).isEqualTo(4);
            assertThat(answer.vectors().getFirst()).containsExactly(0f, 0f, 0f, 1f);
        });
        server.verify(postRequestedFor(urlEqualTo("/api/embed"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("mxbai-embed-large")))
                .withRequestBody(matchingJsonPath("$.input[0]", equalTo("fog"))));
    }

    @Test
    void aSlotNoEndpointCanServeFailsInsteadOfEmbeddingWithAnotherModel() {
        withEndpoints(runtimes -> {
            slot.set(new ModelRef("elsewhere:e5", "1"));
            Embeddings elsewhere = new Embeddings(house, slots(), runtimes);
            assertThatThrownBy(() -> elsewhere.handle(new EmbedTexts("w1", List.of("fog"))))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("no provider endpoint named elsewhere");
            slot.set(new ModelRef("claude:claude-sonnet-4-5", "1"));
            Embeddings claude = new Embeddings(house, slots(), runtimes);
            assertThatThrownBy(() -> claude.handle(new EmbedTexts("w1", List.of("fog"))))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("Anthropic serves no embedding");
        });
    }

    @Test
    void aSlotServedByADownloadedOnnxExportEmbedsInProcess(@TempDir Path directory) {
        Path files = TinyModels.embedder(directory);
        ModelRef downloaded = new ModelRef("huggingface:tiny/embedder", "0123abc");
        slot.set(downloaded);
        EmbeddingRuntimes noEndpoint = ref -> {
            throw new AssertionError("an endpoint was asked for " + ref.label());
        };
        try (LocalOnnxModels local = new LocalOnnxModels(ref -> ref.equals(downloaded)
                ? Optional.of(new ModelArtifact(files.toUri().toString(), "0".repeat(64), 1)) : Optional.empty(),
                GenerationSettings.defaults())) {
            TextEmbeddings answer = new Embeddings(house, slots(), noEndpoint, local)
                    .handle(new EmbedTexts("w1", List.of("the cat sat", "on a mat .")));

            assertThat(answer.modelId()).isEqualTo("huggingface:tiny/embedder");
            assertThat(answer.version()).isEqualTo("0123abc");
            assertThat(answer.dimensions()).isEqualTo(2);
            assertThat(answer.vectors().getFirst()).containsExactly(new float[] {0f, 1f}, offset(1e-6f));
            assertThat(answer.vectors().get(1)[0] * answer.vectors().get(1)[0]
                    + answer.vectors().get(1)[1] * answer.vectors().get(1)[1]).isCloseTo(1f, offset(1e-6f));
        }
    }

    /** The turn's action is embedded ahead and asked for again by its recall while the first call runs: one call. */
    @Test
    void aTextBeingEmbeddedIsAwaitedByASecondCallerNotSentTwice() {
        server.stubFor(post("/api/embed").withRequestBody(matchingJsonPath("$.input[0]", equalTo("fog")))
                .willReturn(json("""
                {"model":"mxbai-embed-large","embeddings":[[0.0,0.0,0.0,5.0]]}
                """).withFixedDelay(700)));
        slot.set(new ModelRef("lab:mxbai-embed-large", "1"));
        withEndpoints(runtimes -> {
            Embeddings embeddings = new Embeddings(house, slots(), runtimes);
            CompletableFuture<TextEmbeddings> ahead = CompletableFuture.supplyAsync(
                    () -> embeddings.handle(new EmbedTexts("w1", List.of("fog"))));
            await().atMost(Duration.ofSeconds(5)).until(() -> !server.findAll(postRequestedFor(urlEqualTo("/api/embed"))).isEmpty());
            TextEmbeddings second = embeddings.handle(new EmbedTexts("w1", List.of("fog")));

            assertThat(second.vectors().getFirst()).containsExactly(0f, 0f, 0f, 1f);
            assertThat(ahead.join().vectors().getFirst()).containsExactly(0f, 0f, 0f, 1f);
        });
        server.verify(1, postRequestedFor(urlEqualTo("/api/embed")));
    }

    @Test
    void aCallIsBoundedInSize() {
        Embeddings embeddings = Embeddings.houseOnly(house);
        assertThatThrownBy(() -> embeddings.handle(new EmbedTexts(null, Collections.nCopies(Embeddings.MAX_TEXTS + 1, "x"))))
                .isInstanceOf(DomainRejection.class).hasMessageContaining("texts");
    }

    /** The application's runtimes with three endpoints declared: OpenAI-compatible, Ollama, Anthropic. */
    private static void withEndpoints(java.util.function.Consumer<EmbeddingRuntimes> test) {
        new ApplicationContextRunner().withUserConfiguration(RuntimeConfiguration.class)
                .withPropertyValues("spring.ai.retry.max-attempts=1",
                        "storyteller.providers.local.kind=openai", "storyteller.providers.local.base-url=" + server.baseUrl(),
                        "storyteller.providers.lab.kind=ollama", "storyteller.providers.lab.base-url=" + server.baseUrl(),
                        "storyteller.providers.claude.kind=anthropic", "storyteller.providers.claude.base-url=" + server.baseUrl(),
                        "storyteller.providers.claude.api-key=sk-ant-test-key")
                .run(context -> test.accept(context.getBean(EmbeddingRuntimes.class)));
    }

    /** The real slot reader over a query bus that answers {@link #slot} for every world. */
    private StageSlots slots() {
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        bus.subscribe(FindSlotRoute.class.getName(), NarratorRoute.class, message -> slot.get() == null
                ? GenericQueryResponseMessage.asNullableResponseMessage(NarratorRoute.class, null)
                : new NarratorRoute("embedder:global", slot.get(), null));
        return new StageSlots(DefaultQueryGateway.builder().queryBus(bus).build(), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
