package io.storyteller.command.acquisition.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.TokenPrice;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pulled model is registered as, from what the server shows of it. */
class OllamaRegistrationTest {

    @Test
    void aCompletionModelIsAChatModelWithItsLicenseAndContext() {
        ModelSpec spec = OllamaRegistration.spec("gpu-box", "llama3.2:1b", details(List.of("completion", "tools"),
                "llama", "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\nmore", 131_072));

        assertThat(spec).isEqualTo(new ModelSpec("gpu-box", "llama3.2:1b", ModelKind.CHAT, List.of("chat", "tools"), 131_072,
                TokenPrice.zero(), "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT"));
    }

    @Test
    void anEmbeddingModelIsAnEmbeddingModel() {
        ModelSpec spec = OllamaRegistration.spec("gpu-box", "nomic-embed-text", details(List.of("embedding"), "nomic-bert", null, null));

        assertThat(spec.kind()).isEqualTo(ModelKind.EMBEDDING);
        assertThat(spec.capabilities()).containsExactly("embedding");
        assertThat(spec.license()).isEqualTo("unknown");
        assertThat(spec.contextWindow()).isEqualTo(OllamaRegistration.DEFAULT_CONTEXT);
    }

    @Test
    void withoutCapabilitiesTheNameAndFamilyDecide() {
        assertThat(OllamaRegistration.kind("all-minilm", details(List.of(), "bert", null, null))).isEqualTo(ModelKind.EMBEDDING);
        assertThat(OllamaRegistration.kind("mxbai-embed-large", details(List.of(), "x", null, null))).isEqualTo(ModelKind.EMBEDDING);
        assertThat(OllamaRegistration.kind("qwen2.5:0.5b", details(List.of(), "qwen2", null, null))).isEqualTo(ModelKind.CHAT);
    }

    private static OllamaModelDetails details(List<String> capabilities, String family, String license, Integer context) {
        return new OllamaModelDetails("m", null, null, null, license, "gguf", family, List.of(family), "1B", "Q4_0",
                capabilities, context);
    }
}
