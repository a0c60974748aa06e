package io.storyteller.command.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.TinyModels;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

/** A model version whose artifact is a downloaded ONNX decoder narrates in-process, with no provider. */
class DownloadedModelServingTest {

    private static final ModelRef DECODER = new ModelRef("huggingface:tiny/decoder", "rev1");
    private static final ModelRef CLASSIFIER = new ModelRef("huggingface:tiny/classifier", "rev1");

    @TempDir
    Path directory;

    private LocalOnnxModels local() {
        Path decoder = TinyModels.decoder(directory.resolve("decoder"), true, 10, 40);
        Path classifier = TinyModels.classifier(directory.resolve("classifier"));
        Map<ModelRef, Path> files = Map.of(DECODER, decoder, CLASSIFIER, classifier);
        return new LocalOnnxModels(ref -> Optional.ofNullable(files.get(ref))
                .map(path -> new ModelArtifact(path.toUri().toString(), "0".repeat(64), 1)), GenerationSettings.defaults());
    }

    @Test
    void aVersionWithALocalOnnxDecoderIsServedInProcess() {
        try (LocalOnnxModels local = local()) {
            ModelRuntimes runtimes = new RuntimesByProvider(null, new ProviderRuntimes(Map.of()), VariantDefinitions.none(), local);
            ChatModel narrator = runtimes.chatModelFor(DECODER);

            String text = narrator.call(new Prompt("the cat", ChatOptions.builder().temperature(0.0).maxTokens(6).build()))
                    .getResult().getOutput().getText();
            assertThat(text).isEqualTo("the cat sat on a mat");
            assertThat(runtimes.chatModelFor(DECODER).getDefaultOptions().getModel()).isEqualTo("huggingface:tiny/decoder@rev1");
        }
    }

    @Test
    void aVersionWithoutFilesOrWithFilesOfAnotherKindIsUnavailableWithTheReason() {
        try (LocalOnnxModels local = local()) {
            ModelRuntimes runtimes = new RuntimesByProvider(null, new ProviderRuntimes(Map.of()), VariantDefinitions.none(), local);

            assertThatThrownBy(() -> runtimes.chatModelFor(new ModelRef("huggingface:tiny/other", "rev1")))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("no runtime serves provider 'huggingface'");
            assertThatThrownBy(() -> runtimes.chatModelFor(CLASSIFIER))
                    .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("no causal LM");
            assertThat(List.of(local.serves(DECODER), local.serves(CLASSIFIER))).containsExactly(true, true);
        }
    }
}
