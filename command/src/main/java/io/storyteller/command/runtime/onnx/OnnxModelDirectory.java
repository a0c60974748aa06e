package io.storyteller.command.runtime.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.storyteller.domain.model.ModelArtifact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Hugging Face Hub download of an ONNX repository holds, read from its directory: the graph
 * ({@code model.onnx} at the root or under {@code onnx/}, as Optimum exports place it), the
 * {@code tokenizer.json}, {@code config.json}, and optionally {@code generation_config.json} and
 * the sentence-transformers pooling settings ({@code 1_Pooling/config.json}).
 */
public record OnnxModelDirectory(Path root,
        Path model,
        Path tokenizer,
        JsonNode config,
        JsonNode generationConfig,
        JsonNode pooling) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where exporters put the graph, most specific first: {@code decoder_model_merged} carries the cache branch. */
    private static final List<String> GRAPHS = List.of("model.onnx", "onnx/model.onnx",
            "decoder_model_merged.onnx", "onnx/decoder_model_merged.onnx",
            "decoder_with_past_model.onnx", "onnx/decoder_with_past_model.onnx");

    /**
     * The directory a version's artifact names, when its URI is a local {@code file:} directory holding
     * an ONNX graph and its {@code tokenizer.json}.
     */
    public static Optional<OnnxModelDirectory> of(ModelArtifact artifact) {
        return of(artifact, null);
    }

    /**
     * As above; a URI with no scheme (as Hub downloads are registered: {@code models/hub/<repo>/<commit>/})
     * names a directory under {@code dataDirectory}, and never one outside it.
     */
    public static Optional<OnnxModelDirectory> of(ModelArtifact artifact, Path dataDirectory) {
        if (artifact == null || artifact.uri() == null) {
            return Optional.empty();
        }
        Path root;
        try {
            if (artifact.uri().startsWith("file:")) {
                root = Path.of(URI.create(artifact.uri()));
            } else if (dataDirectory != null && URI.create(artifact.uri()).getScheme() == null) {
                Path base = dataDirectory.toAbsolutePath().normalize();
                root = base.resolve(artifact.uri()).normalize();
                if (!root.startsWith(base)) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) { // a malformed URI or path
            return Optional.empty();
        }
        // A directory without tokenizer.json is no Hub export (a house classifier's store, say): not served from here.
        return Files.isDirectory(root) && graph(root).isPresent() && Files.isRegularFile(root.resolve("tokenizer.json"))
                ? Optional.of(read(root)) : Optional.empty();
    }

    /**
     * Reads the directory.
     *
     * @throws IllegalArgumentException naming the file that is missing
     */
    public static OnnxModelDirectory read(Path root) {
        Path model = graph(root).orElseThrow(() -> new IllegalArgumentException(root + " holds no ONNX graph (looked for "
                + String.join(", ", GRAPHS) + ")"));
        Path tokenizer = root.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new IllegalArgumentException(root + " holds no tokenizer.json");
        }
        return new OnnxModelDirectory(root, model, tokenizer, json(root.resolve("config.json")),
                json(root.resolve("generation_config.json")), json(root.resolve("1_Pooling").resolve("config.json")));
    }

    private static Optional<Path> graph(Path root) {
        return GRAPHS.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The first integer among these config keys (generation_config first, then config), if any. */
    public Optional<Integer> integer(String... keys) {
        for (JsonNode source : List.of(generationConfig, config)) {
            for (String key : keys) {
                JsonNode value = source.path(key);
                if (value.isInt() || value.isLong()) {
                    return Optional.of(value.asInt());
                }
            }
        }
        return Optional.empty();
    }

    /** The end-of-sequence ids: {@code eos_token_id} may be one id or a list of them. */
    public List<Long> endOfSequenceIds() {
        List<Long> ids = new ArrayList<>();
        for (JsonNode source : List.of(generationConfig, config)) {
            JsonNode value = source.path("eos_token_id");
            if (value.isArray()) {
                value.forEach(id -> ids.add(id.asLong()));
            } else if (value.isIntegralNumber()) {
                ids.add(value.asLong());
            }
            if (!ids.isEmpty()) {
                return ids;
            }
        }
        return ids;
    }

    /** The model's name for clients: the directory's name. */
    public String name() {
        return root.getFileName().toString();
    }
}
