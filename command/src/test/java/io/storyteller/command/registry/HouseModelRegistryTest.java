package io.storyteller.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.HouseModelTrained;
import io.storyteller.domain.world.HouseModelVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained house model versions enter the registry once each, in lineage, whatever is redelivered. */
class HouseModelRegistryTest {

    static final String WORLD = "w1";
    static final String MODEL = "house:w1";

    @TempDir
    Path store;

    final FakeRegistry gateway = new FakeRegistry();
    RegistryCommands commands;
    HouseModelRegistry registry;

    @BeforeEach
    void wire() {
        commands = new RegistryCommands(gateway);
        registry = new HouseModelRegistry(commands, new HouseModelFiles(store));
    }

    @AfterEach
    void close() {
        commands.close();
    }

    @Test
    void the_first_version_registers_the_world_model_and_adds_version_1() throws IOException {
        registry.on(trained(1, 0, 120, 3500));

        assertThat(gateway.sent).containsExactly(
                new RegisterModel(MODEL, new ModelSpec("house", WORLD, ModelKind.CHAT, List.of("narration"), 2048,
                        TokenPrice.zero(), "project"), ModelSource.HOUSE_TRAINED, "house-model-training", Actor.system()),
                new AddModelVersion(MODEL, "1", new ModelArtifact("house://w1/v1", digest(1), 3500), null,
                        "events 0..120", Actor.system()));
    }

    @Test
    void the_second_version_is_added_derived_from_the_first_and_the_model_is_registered_once() throws IOException {
        registry.on(trained(1, 0, 120, 3500));
        registry.on(trained(2, 0, 480, 4100));

        assertThat(gateway.versionsOf(MODEL)).containsExactly("1", "2");
        assertThat(gateway.sent(AddModelVersion.class)).last().isEqualTo(new AddModelVersion(MODEL, "2",
                new ModelArtifact("house://w1/v2", digest(2), 4100), new ModelRef(MODEL, "1"), "events 0..480",
                Actor.system()));
        assertThat(gateway.sent(RegisterModel.class)).hasSize(1); // a model once registered is not asked for again
    }

    @Test
    void after_a_restart_a_model_already_registered_just_gains_its_new_version() throws IOException {
        registry.on(trained(1, 0, 120, 3500));
        HouseModelRegistry restarted = new HouseModelRegistry(commands, new HouseModelFiles(store));

        restarted.on(trained(2, 0, 480, 4100));

        assertThat(gateway.versionsOf(MODEL)).containsExactly("1", "2");
        assertThat(gateway.views("house")).singleElement().satisfies(model -> assertThat(model.modelId()).isEqualTo(MODEL));
    }

    @Test
    void redelivered_events_change_nothing() throws IOException {
        HouseModelTrained first = trained(1, 0, 120, 3500);
        HouseModelTrained second = trained(2, 0, 480, 4100);
        registry.on(first);
        registry.on(second);

        registry.on(first);
        registry.on(second);

        assertThat(gateway.versionsOf(MODEL)).containsExactly("1", "2");
        assertThat(gateway.views("house")).singleElement().satisfies(model -> assertThat(model.modelId()).isEqualTo(MODEL));
    }

    @Test
    void a_version_whose_files_are_not_in_the_store_is_left_out() {
        registry.on(new HouseModelTrained(WORLD, version(1, 0, 120)));

        assertThat(gateway.sent).isEmpty();
    }

    @Test
    void a_world_whose_id_is_no_store_key_is_found_under_its_derived_key() throws IOException {
        String worldId = "auth0|world:with/slashes";
        HouseModelVersion version = new HouseModelVersion("world-0123456789abcdef0123456789abcdef", 1, digest(1), 0, 9, 3,
                40, 30, Instant.parse("2026-11-21T10:00:00Z"));
        store(version.modelKey(), 1, 1234);

        registry.on(new HouseModelTrained(worldId, version));

        assertThat(gateway.versionsOf("house:" + worldId)).containsExactly("1");
        assertThat(gateway.sent(AddModelVersion.class).getFirst().artifact().uri())
                .isEqualTo("house://world-0123456789abcdef0123456789abcdef/v1");
    }

    private HouseModelTrained trained(int version, long from, long to, int bytes) throws IOException {
        store(WORLD, version, bytes);
        return new HouseModelTrained(WORLD, version(version, from, to));
    }

    private void store(String modelKey, int version, int bytes) throws IOException {
        Path directory = Files.createDirectories(store.resolve(modelKey).resolve("v" + version));
        Files.write(directory.resolve("model.onnx"), new byte[bytes]);
    }

    private static HouseModelVersion version(int version, long from, long to) {
        return new HouseModelVersion(WORLD, version, digest(version), from, to, 12, 3400, 250,
                Instant.parse("2026-11-21T10:00:00Z"));
    }

    private static String digest(int version) {
        return String.valueOf(version).repeat(64);
    }
}
