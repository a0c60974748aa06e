package io.storyteller.command.runtime.onnx;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.ai.chat.model.ChatModel;

/**
 * The model versions whose artifact is a local directory holding an ONNX export (what a Hub
 * download leaves), loaded in-process on first use and kept until the application closes: a
 * version's files never change, so neither does what was loaded from them. Each version is loaded
 * as what its caller needs it for (an embedder slot as an embedder, a narrator slot as a causal
 * LM); a directory that is not that kind of model is refused with the reason.
 */
public final class LocalOnnxModels implements AutoCloseable {

    private final Function<ModelRef, Optional<ModelArtifact>> artifacts;
    private final GenerationSettings generation;
    private final Path dataDirectory;
    private final Map<String, AutoCloseable> loaded = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param artifacts  a version's artifact, empty when it has none (or is not registered)
     * @param generation the sampling a narrating model uses where the prompt's options set none
     */
    public LocalOnnxModels(Function<ModelRef, Optional<ModelArtifact>> artifacts, GenerationSettings generation) {
        this(artifacts, generation, null);
    }

    /** @param dataDirectory where artifacts registered by a path of the data directory (Hub downloads) are found */
    public LocalOnnxModels(Function<ModelRef, Optional<ModelArtifact>> artifacts, GenerationSettings generation,
            Path dataDirectory) {
        this.artifacts = artifacts;
        this.generation = generation;
        this.dataDirectory = dataDirectory;
    }

    /** No version is served from local files: for applications without a registry. */
    public static LocalOnnxModels none() {
        return new LocalOnnxModels(ref -> Optional.empty(), GenerationSettings.defaults());
    }

    /** Whether the version's artifact is a local directory holding an ONNX graph. */
    public boolean serves(ModelRef ref) {
        return directory(ref).isPresent();
    }

    /** @throws IllegalArgumentException when the version's directory holds no embedder */
    public Optional<OnnxEmbedder> embedder(ModelRef ref) {
        return load(ref, "embedder", OnnxEmbedder::load);
    }

    /** @throws IllegalArgumentException when the version's directory holds no sequence classifier */
    public Optional<OnnxClassifier> classifier(ModelRef ref) {
        return load(ref, "classifier", OnnxClassifier::load);
    }

    /** The version as a chat model. @throws IllegalArgumentException when its directory holds no causal LM */
    public Optional<ChatModel> chatModel(ModelRef ref) {
        return load(ref, "causal-lm", OnnxCausalLm::load)
                .map(model -> new OnnxChatModel(model, generation, ref.label()));
    }

    private Optional<OnnxModelDirectory> directory(ModelRef ref) {
        return artifacts.apply(ref).flatMap(artifact -> OnnxModelDirectory.of(artifact, dataDirectory));
    }

    @SuppressWarnings("unchecked")
    private <T extends AutoCloseable> Optional<T> load(ModelRef ref, String kind, Function<OnnxModelDirectory, T> loader) {
        String key = kind + "/" + ref.label();
        T known = (T) loaded.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<OnnxModelDirectory> directory = directory(ref);
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        synchronized (loaded) {
            if (closed) {
                throw new IllegalStateException("the local ONNX models are closed");
            }
            // Loaded at most once per version: a session is large, and two would both stay open.
            return Optional.of((T) loaded.computeIfAbsent(key, k -> loader.apply(directory.get())));
        }
    }

    @Override
    public void close() {
        synchronized (loaded) {
            closed = true;
            for (AutoCloseable model : loaded.values()) {
                try {
                    model.close();
                } catch (Exception e) {
                    // Shutting down: one model failing to close must not keep the others open.
                }
            }
            loaded.clear();
        }
    }
}
