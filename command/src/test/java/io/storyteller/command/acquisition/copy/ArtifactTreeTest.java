package io.storyteller.command.acquisition.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's files, copied and verified by their digest. */
class ArtifactTreeTest {

    @TempDir
    Path dir;

    @Test
    void aCopiedDirectoryHasItsSourcesDigestAndSize() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source/onnx"));
        Files.writeString(source.resolve("model.onnx"), "weights");
        Files.writeString(dir.resolve("source/tokenizer.json"), "{\"vocab\":{}}");

        Path copy = ArtifactTree.copy(dir.resolve("source"), dir.resolve("copies/guardrail-kids"));

        assertThat(ArtifactTree.digest(copy)).isEqualTo(ArtifactTree.digest(dir.resolve("source"))).hasSize(64);
        assertThat(ArtifactTree.size(copy)).isEqualTo(7 + 12);
        assertThat(copy.resolve("onnx/model.onnx")).hasContent("weights");
    }

    @Test
    void theDigestChangesWithAnyFilesContentOrName() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("t"));
        Files.writeString(tree.resolve("a.bin"), "1");
        String before = ArtifactTree.digest(tree);

        Files.writeString(tree.resolve("a.bin"), "2");
        String changed = ArtifactTree.digest(tree);
        Files.move(tree.resolve("a.bin"), tree.resolve("b.bin"));

        assertThat(changed).isNotEqualTo(before);
        assertThat(ArtifactTree.digest(tree)).isNotEqualTo(changed);
    }

    @Test
    void aSingleFilesDigestIsItsSha256() throws Exception {
        Path file = Files.writeString(dir.resolve("model.onnx"), "abc");

        assertThat(ArtifactTree.digest(file)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ArtifactTree.copy(file, dir.resolve("copy"))).hasContent("abc").hasFileName("model.onnx");
    }
}
