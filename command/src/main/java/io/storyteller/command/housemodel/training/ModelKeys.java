package io.storyteller.command.housemodel.training;

import io.storyteller.command.housemodel.corpus.WorldCorpus;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Which store key holds whose house model. */
public final class ModelKeys {

    /** The model trained from every world's lore, for worlds with no text of their own yet. */
    public static final String PLATFORM = WorldCorpus.PLATFORM;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ModelKeys() {
    }

    /**
     * The store key of the registry's {@code house:<worldId>}: the platform model for
     * {@code house:platform}, else the world's key.
     */
    public static String ofHouseModel(String worldId) {
        return PLATFORM.equals(worldId) ? PLATFORM : forWorld(worldId);
    }

    /**
     * The world's id itself when it is a valid store key; otherwise (or if it would collide with
     * the platform model) a stable key derived from its digest, so every world can have a model.
     */
    public static String forWorld(String worldId) {
        if (PLAIN.matcher(worldId).matches() && !PLATFORM.equals(worldId)) {
            return worldId;
        }
        return "world-" + HouseModelStore.sha256(worldId.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
