package io.storyteller.command.housemodel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.command.housemodel.corpus.CorpusRange;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseModelStoreTest {

    private static final Instant NOW = Instant.parse("2025-11-21T10:15:30Z");

    @TempDir
    Path root;

    @Test
    void saves_versions_and_reads_them_back() throws Exception {
        HouseModelStore store = new HouseModelStore(root, Clock.fixed(NOW, ZoneOffset.UTC), VersionFileWriter.DURABLE);
        assertThat(store.latest("varn")).isEmpty();
        assertThat(store.nextVersion("varn")).isEqualTo(1);

        HouseModelMetadata first = store.save("varn", Fixtures.MODEL, new CorpusRange(0, 10));
        HouseModelMetadata second = store.save("varn", Fixtures.MODEL, new CorpusRange(10, 25));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.nextVersion("varn")).isEqualTo(3);
        assertThat(store.latest("varn")).contains(second);
        assertThat(store.metadata("varn", 1)).isEqualTo(first);
        assertThat(Files.list(root.resolve("varn/v2")).map(path -> path.getFileName().toString()))
                .containsExactlyInAnyOrder("model.onnx", "tokenizer.json", "model.json");

        assertThat(second.trainedAt()).isEqualTo(NOW);
        assertThat(second.corpusRange()).isEqualTo(new CorpusRange(10, 25));
        assertThat(second.vocabularySize()).isEqualTo(Fixtures.MODEL.vocabulary().size());
        assertThat(second.documents()).isEqualTo(Corpus.DOCUMENTS.size());
        assertThat(second.tokens()).isEqualTo(Fixtures.MODEL.statistics().tokens());
        assertThat(second.settings()).isEqualTo(TrainingSettings.defaults());
        assertThat(second.sha256())
                .isEqualTo(HouseModelStore.sha256(Files.readAllBytes(root.resolve("varn/v2/model.onnx"))))
                .hasSize(64);
        assertThat(Files.readString(root.resolve("varn/v2/model.json"))).contains("\"fromEventIndex\" : 10");

        try (HouseModelRuntime runtime = store.loadLatest("varn")) {
            assertThat(runtime.modelName()).isEqualTo(second.modelName());
            assertThat(runtime.vocabulary()).isEqualTo(Fixtures.MODEL.vocabulary());
        }
    }

    @Test
    void a_save_that_fails_part_way_leaves_no_version_behind() throws IOException {
        VersionFileWriter failingOnMetadata = (file, bytes) -> {
            if (file.getFileName().toString().equals("model.json")) {
                throw new IOException("disk full");
            }
            VersionFileWriter.DURABLE.write(file, bytes);
        };
        HouseModelStore failing = new HouseModelStore(root, Clock.systemUTC(), failingOnMetadata);

        assertThatThrownBy(() -> failing.save("varn", Fixtures.MODEL, new CorpusRange(0, 10)))
                .hasRootCauseMessage("disk full");

        HouseModelStore store = new HouseModelStore(root);
        assertThat(store.versions("varn")).isEmpty();
        assertThat(store.latest("varn")).isEmpty();
        try (Stream<Path> leftovers = Files.list(root.resolve("varn"))) {
            assertThat(leftovers).isEmpty();
        }
        assertThat(store.save("varn", Fixtures.MODEL, new CorpusRange(0, 10)).version()).isEqualTo(1);
    }

    @Test
    void loading_an_unknown_version_says_what_exists() {
        HouseModelStore store = new HouseModelStore(root);
        store.save("varn", Fixtures.MODEL, new CorpusRange(0, 10));

        assertThatThrownBy(() -> store.load("varn", 7))
                .isInstanceOf(HouseModelNotFoundException.class)
                .hasMessageContaining("'varn' has no version 7")
                .hasMessageContaining("[1]");
        assertThatThrownBy(() -> store.loadLatest("atlantis"))
                .isInstanceOf(HouseModelNotFoundException.class)
                .hasMessageContaining("no house model 'atlantis'");
        assertThatThrownBy(() -> store.load("../escape", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_tampered_model_file_is_refused() throws IOException {
        HouseModelStore store = new HouseModelStore(root);
        store.save("varn", Fixtures.MODEL, new CorpusRange(0, 10));
        Path model = root.resolve("varn/v1/model.onnx");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 1] ^= 1;
        Files.write(model, bytes);

        assertThatThrownBy(() -> store.load("varn", 1)).hasMessageContaining("SHA-256");
    }
}
