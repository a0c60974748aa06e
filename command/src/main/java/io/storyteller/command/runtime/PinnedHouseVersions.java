package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.serving.HouseChatModel;
import io.storyteller.command.housemodel.serving.HouseModelRuntime;
import io.storyteller.command.housemodel.training.HouseModelNotFoundException;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.housemodel.training.ModelKeys;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Serves exact house model versions, as deployments name them: {@code house:<worldId>} version
 * {@code N} is version N of the world's store key ({@code house:platform} is the platform model).
 * A deployment names its version, so each (key, version) is loaded once, kept, and closed on
 * shutdown; a closing runtime lets running generations finish first.
 */
final class PinnedHouseVersions implements AutoCloseable {

    static final String PROVIDER = "house";

    private static final Logger log = LoggerFactory.getLogger(PinnedHouseVersions.class);

    private final HouseModelStore store;
    private final GenerationSettings generation;
    private final Map<String, HouseModelRuntime> loaded = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param store null when house models are disabled */
    PinnedHouseVersions(HouseModelStore store, GenerationSettings generation) {
        this.store = store;
        this.generation = generation;
    }

    ChatModel chatModel(String worldId, String version) {
        String label = PROVIDER + ":" + worldId + "@" + version;
        if (store == null) {
            throw new ModelUnavailableException("model " + label + " is not available: house models are disabled "
                    + "(storyteller.house-model.enabled=false)");
        }
        if (closed) {
            throw new ModelUnavailableException("model " + label + " is not available: shutting down");
        }
        int number = versionNumber(label, version);
        String modelKey = ModelKeys.ofHouseModel(worldId);
        HouseModelRuntime runtime = loaded.computeIfAbsent(modelKey + "/v" + number, key -> load(label, modelKey, number));
        return new HouseChatModel(runtime, generation);
    }

    private HouseModelRuntime load(String label, String modelKey, int version) {
        try {
            HouseModelRuntime runtime = store.load(modelKey, version);
            log.info("Loaded house model {} for deployments", runtime.modelName());
            return runtime;
        } catch (HouseModelNotFoundException e) {
            throw new ModelUnavailableException("model " + label + " is not available: that house model version is not stored", e);
        } catch (RuntimeException e) {
            throw new ModelUnavailableException("model " + label + " is not available: its house model files cannot be opened", e);
        }
    }

    private static int versionNumber(String label, String version) {
        if (version == null || !version.matches("[1-9][0-9]{0,8}")) {
            throw new ModelUnavailableException("model " + label + " is not available: a house model version is 1, 2, …");
        }
        return Integer.parseInt(version);
    }

    /** Closes every loaded version; generations still running finish first. */
    @Override
    public void close() {
        closed = true;
        loaded.values().forEach(HouseModelRuntime::close);
        loaded.clear();
    }

    int loadedCount() {
        return loaded.size();
    }
}
