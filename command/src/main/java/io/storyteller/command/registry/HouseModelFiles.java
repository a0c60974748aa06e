package io.storyteller.command.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where the house model store keeps a version's {@code model.onnx}:
 * {@code <root>/<modelKey>/v<N>/model.onnx}, the root being
 * {@code ${storyteller.data-dir}/models/house} as the house model configuration sets it.
 * <p>
 * In the registry a version's artifact is named {@code house://<modelKey>/v<N>}: independent of
 * where the data directory is mounted, and resolved against the store by the model runtimes.
 */
public final class HouseModelFiles {

    static final String MODEL_FILE = "model.onnx";

    private final Path root;

    public HouseModelFiles(Path root) {
        this.root = root;
    }

    public static String uri(String modelKey, int version) {
        return "house://" + modelKey + "/v" + version;
    }

    /** The size of the version's {@code model.onnx}, empty when it is not stored here. */
    public OptionalLong size(String modelKey, int version) {
        Path file = root.resolve(modelKey).resolve("v" + version).resolve(MODEL_FILE);
        try {
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
