package io.storyteller.command.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.ModelArtifact;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelDirectoryTest {

    private static final String DIGEST = "0".repeat(64);

    @Test
    void aFileUriNamesItsDirectory(@TempDir Path data) {
        Path model = TinyModels.classifier(data.resolve("elsewhere"));

        assertThat(OnnxModelDirectory.of(new ModelArtifact(model.toUri().toString(), DIGEST, 1)))
                .hasValueSatisfying(directory -> assertThat(directory.root()).isEqualTo(model));
    }

    /** Hub downloads are registered by their path in the data directory, which moves with it. */
    @Test
    void aPathWithoutSchemeIsADirectoryOfTheDataDirectory(@TempDir Path data) {
        TinyModels.classifier(data.resolve("models/hub/tiny-org/classifier/abc"));

        assertThat(OnnxModelDirectory.of(new ModelArtifact("models/hub/tiny-org/classifier/abc/", DIGEST, 1), data))
                .hasValueSatisfying(directory -> assertThat(directory.model()).isEqualTo(
                        data.resolve("models/hub/tiny-org/classifier/abc/model.onnx")));
        assertThat(OnnxModelDirectory.of(new ModelArtifact("models/hub/tiny-org/classifier/abc/", DIGEST, 1))).isEmpty();
    }

    @Test
    void noPathLeadsOutOfTheDataDirectoryAndOtherSchemesAreNotLocal(@TempDir Path root) {
        Path data = root.resolve("data");
        TinyModels.classifier(root.resolve("outside"));

        assertThat(OnnxModelDirectory.of(new ModelArtifact("../outside", DIGEST, 1), data)).isEmpty();
        assertThat(OnnxModelDirectory.of(new ModelArtifact("house-classifier:detector/1", DIGEST, 1), data)).isEmpty();
        assertThat(OnnxModelDirectory.of(new ModelArtifact("https://example.org/model/", DIGEST, 1), data)).isEmpty();
    }

    /** A house classifier's stored version holds a graph but no tokenizer: it is not a Hub export. */
    @Test
    void aGraphWithoutItsTokenizerIsNoHubExport(@TempDir Path data) throws Exception {
        Path model = TinyModels.classifier(data.resolve("house"));
        java.nio.file.Files.delete(model.resolve("tokenizer.json"));

        assertThat(OnnxModelDirectory.of(new ModelArtifact(model.toUri().toString(), DIGEST, 1))).isEmpty();
    }
}
