package io.storyteller.command.acquisition.ollama;

import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Registers a model an Ollama server holds as {@code <endpoint>:<model>}, self-hosted at no token
 * price: its kind from what {@code /api/show} says it can do ({@code embedding} → EMBEDDING,
 * else CHAT), its license's first line, its context length; the version is the first 12 hex digits
 * of its manifest digest (what {@code ollama list} shows as ID, and what discovery registers), the
 * artifact {@code ollama://<endpoint>/<model>} with the whole digest and the size.
 */
public class OllamaRegistration {

    static final int DEFAULT_CONTEXT = 4096;

    private final RegistryCommands registry;

    public OllamaRegistration(RegistryCommands registry) {
        this.registry = registry;
    }

    /** @throws OllamaApiException with the registry's reason when it refuses */
    public ModelRef register(String endpoint, String model, OllamaModelSummary listed, OllamaModelDetails details,
            ModelRef derivedFrom, Actor actor) {
        String modelId = endpoint + ":" + model;
        String digest = hex(listed.digest());
        RegistryResult registered = registry.register(new RegisterModel(modelId, spec(endpoint, model, details),
                ModelSource.SELF_HOSTED, null, actor));
        refuseIfRejected(modelId, registered);
        String version = digest.substring(0, 12);
        ModelArtifact artifact = new ModelArtifact("ollama://" + endpoint + "/" + model, digest, Math.max(1, listed.sizeBytes()));
        refuseIfRejected(modelId, registry.addVersion(new AddModelVersion(modelId, version, artifact, derivedFrom, null, actor)));
        return new ModelRef(modelId, version);
    }

    static ModelSpec spec(String endpoint, String model, OllamaModelDetails details) {
        ModelKind kind = kind(model, details);
        Set<String> capabilities = new LinkedHashSet<>();
        capabilities.add(kind == ModelKind.EMBEDDING ? "embedding" : "chat");
        details.capabilities().stream().filter(c -> !c.equals("completion") && !c.equals("embedding"))
                .limit(8).forEach(capabilities::add);
        int context = details.contextLength() == null ? DEFAULT_CONTEXT : details.contextLength();
        return new ModelSpec(endpoint, model, kind, List.copyOf(capabilities), context, TokenPrice.zero(), license(details.license()));
    }

    static ModelKind kind(String model, OllamaModelDetails details) {
        if (details.capabilities().contains("embedding")) {
            return ModelKind.EMBEDDING;
        }
        if (details.capabilities().contains("completion")) {
            return ModelKind.CHAT;
        }
        // Older servers list no capabilities: judge by name and family, as discovery does.
        boolean bert = details.families().stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains("bert"))
                || details.family() != null && details.family().toLowerCase(Locale.ROOT).contains("bert");
        return model.toLowerCase(Locale.ROOT).contains("embed") || bert ? ModelKind.EMBEDDING : ModelKind.CHAT;
    }

    /** A license text's first line (its name, in Ollama's library), else {@code unknown}. */
    static String license(String text) {
        if (text == null) {
            return "unknown";
        }
        String first = text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("unknown");
        return OllamaJson.clean(first, 200);
    }

    static String hex(String digest) {
        String hex = digest == null ? "" : digest.startsWith("sha256:") ? digest.substring(7) : digest;
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new OllamaApiException("the server listed no sha256 digest for the model", 0);
        }
        return hex;
    }

    private static void refuseIfRejected(String modelId, RegistryResult result) {
        if (result.rejected()) {
            throw new OllamaApiException("the registry refused " + modelId + ": " + result.reason(), 0);
        }
    }
}
