package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.training.HouseModelNotFoundException;
import io.storyteller.command.housemodel.training.HouseModelProperties;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.HouseModelTraining;
import io.storyteller.command.housemodel.training.ModelKeys;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Serves each world's house model at its pinned default version (see {@link HouseModelStore#defaultVersion}),
 * as a chat model, when no deployment routes the world: the first version trained, or the one an
 * admin pinned. A version trained later is not served for being newer; it serves through a
 * deployment (validated and rolled out) or once pinned. One runtime per model key is kept loaded;
 * when the pin moves, the pinned version is loaded for the next generation and the replaced one
 * closes once no generation uses it.
 * <p>
 * A world without a model gets one trained right now, through {@link HouseModelTraining} like any
 * retraining, so the first narration in a new world works. A world with no text at all is served
 * by the platform model (every world's lore); with no lore anywhere either, there is nothing to
 * learn from and {@link ModelUnavailableException} says so.
 */
@Component
@ConditionalOnProperty(prefix = "storyteller.house-model", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DefaultHouseVersions {

    private final HouseModelStore store;
    private final HouseModelTraining training;
    private final GenerationSettings generation;
    private final Map<String, ServedRuntime> served = new HashMap<>();
    // Every runtime not yet closed, replaced ones still in use included: all are closed on shutdown.
    private final List<HouseModelRuntime> open = new ArrayList<>();
    private boolean closed;

    public DefaultHouseVersions(HouseModelStore store, HouseModelTraining training, HouseModelProperties properties) {
        this.store = store;
        this.training = training;
        this.generation = properties.generationSettings();
    }

    /**
     * @throws ModelUnavailableException when no house model can be trained for the world, nor a platform model
     */
    public ChatModel forWorld(String worldId) {
        String modelKey = servingKey(worldId);
        // Load it now, so that a model that cannot be opened fails here rather than mid-stream.
        lease(modelKey).release();
        return new LeasedHouseChatModel(() -> lease(modelKey), generation);
    }

    private String servingKey(String worldId) {
        String worldKey = ModelKeys.forWorld(worldId);
        if (!store.versions(worldKey).isEmpty() || training.ensureWorldModel(worldId).isPresent()) {
            return worldKey;
        }
        if (training.ensurePlatformModel().isPresent()) {
            return ModelKeys.PLATFORM;
        }
        throw new ModelUnavailableException("no house model: no lore or story text has been written yet to learn from");
    }

    /** The key's pinned default version, loaded if need be, leased to one generation. */
    synchronized ServedRuntime lease(String modelKey) {
        if (closed) {
            throw new IllegalStateException("the house narrators are shut down");
        }
        int pinned = store.defaultVersion(modelKey).orElseThrow(() ->
                new HouseModelNotFoundException("no house model '" + modelKey + "' is stored"));
        ServedRuntime current = served.get(modelKey);
        if (current == null || current.version() != pinned) {
            ServedRuntime fresh = new ServedRuntime(store.load(modelKey, pinned), pinned);
            open.removeIf(HouseModelRuntime::isClosed);
            open.add(fresh.runtime());
            served.put(modelKey, fresh);
            if (current != null) {
                current.retire();
            }
            current = fresh;
        }
        return current.acquire();
    }

    /** Closes every runtime; a generation still running finishes first (the runtime waits for it). */
    @PreDestroy
    synchronized void close() {
        closed = true;
        served.clear();
        open.forEach(HouseModelRuntime::close);
        open.clear();
    }
}
