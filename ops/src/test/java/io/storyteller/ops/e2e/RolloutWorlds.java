package io.storyteller.ops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.storyteller.command.housemodel.training.ModelKeys;
import io.storyteller.ops.e2e.RolloutViews.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.graphql.ResponseError;

/**
 * A world whose house model has two versions, both in the model registry: lore, a first narration
 * (which trains version 1 unless the retraining pass already did), then more lore, which the next
 * pass retrains into a later version. The versions are read from the data directory, where the
 * house model store keeps {@code models/house/<worldKey>/v<N>}.
 */
public final class RolloutWorlds {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long the platform is given to register its own house models before the test does it. */
    private static final Duration AUTOMATIC_REGISTRATION = Duration.ofSeconds(2);

    private final RolloutClient admin;
    private final RolloutClient player;
    private final String playerId;
    private final RolloutClient manager;
    private final Path dataDir;

    public RolloutWorlds(RolloutClient admin, RolloutClient player, String playerId, RolloutClient manager, Path dataDir) {
        this.admin = admin;
        this.player = player;
        this.playerId = playerId;
        this.manager = manager;
        this.dataDir = dataDir;
    }

    /** A new world with a little lore and the player, narrated by its house narrator; returns its id. */
    public String withHouseNarrator(String name) {
        String worldId = admin.createWorld(name);
        admin.addLore(worldId, "The Tide Clock", List.of("clock", "tide"),
                "A clock on the harbour wall tells the hour of the tide, not of the day.");
        admin.addLore(worldId, "Brine Lamps", List.of("lamp", "quay"),
                "Lamps of green glass burn brine oil along every quay of the town.");
        admin.addPlayer(worldId, playerId);
        return worldId;
    }

    /** A new world with house model versions 1 and 2, registered as {@code house:<worldId>}; returns its id. */
    public String withTwoHouseModels(String name) {
        String worldId = admin.createWorld(name);
        admin.addLore(worldId, "The Tide Clock", List.of("clock", "tide"),
                "A clock on the harbour wall tells the hour of the tide, not of the day.");
        admin.addLore(worldId, "Gull Wardens", List.of("gull", "warden"),
                "The gull wardens count the boats that leave and the boats that come back.");
        admin.addLore(worldId, "Brine Lamps", List.of(),
                "Lamps of green glass burn brine oil along every quay of the town.");
        admin.addPlayer(worldId, playerId);
        String storyId = player.startStory(worldId, "The first tide");
        player.act(storyId, "I wind the tide clock and listen to the gulls.");
        await("version 1 of the house model of " + worldId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> latestVersion(worldId) >= 1);
        RolloutPlayers.awaitNarrated(player, List.of(storyId), PATIENCE);
        int trained = latestVersion(worldId);
        admin.addLore(worldId, "The Salt Archive", List.of("archive", "salt"),
                "Under the customs house the salt archive keeps every ledger the sea ever returned.");
        await("a house model trained after the new lore of " + worldId).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> latestVersion(worldId) > trained);
        assertThat(versionDirectory(worldId, 2)).isDirectory();
        registered(worldId, "1", "2");
        return worldId;
    }

    /**
     * Makes sure the registry has {@code house:<worldId>} with these versions: the platform may
     * register its house models by itself; if it has not done so shortly, the model manager does,
     * and either may win a race for the same model or version.
     */
    public void registered(String worldId, String... versions) {
        String modelId = "house:" + worldId;
        try {
            await().atMost(AUTOMATIC_REGISTRATION).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> hasVersions(manager.model(modelId), versions));
            return;
        } catch (ConditionTimeoutException notYet) {
            // register them here
        }
        List<ResponseError> refused = new ArrayList<>(manager.registerHouseModel(worldId));
        for (String version : versions) {
            Path onnx = versionDirectory(worldId, Integer.parseInt(version)).resolve("model.onnx");
            refused.addAll(manager.addModelVersion(modelId, version, onnx.toUri().toString(), sha256(onnx), size(onnx)));
        }
        // A refusal is a lost race: a CONFLICT, the model or version having been registered meanwhile.
        assertThat(refused).as("refusals of the registration").allSatisfy(error ->
                assertThat(error.getExtensions()).containsEntry("classification", "CONFLICT"));
        await("model " + modelId + " registered with versions " + List.of(versions) + " (refused: " + refused + ")")
                .atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> hasVersions(manager.model(modelId), versions));
    }

    /** The newest house model version stored for the world, 0 when none is. */
    public int latestVersion(String worldId) {
        return IntStream.iterate(1, v -> Files.isDirectory(versionDirectory(worldId, v)), v -> v + 1)
                .max().orElse(0);
    }

    private Path versionDirectory(String worldId, int version) {
        return dataDir.resolve("models").resolve("house").resolve(ModelKeys.forWorld(worldId)).resolve("v" + version);
    }

    private static boolean hasVersions(Model model, String... versions) {
        return model != null && List.of(versions).stream().allMatch(model::hasVersion);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
