package io.storyteller.command.acquisition.copy;

import io.storyteller.command.acquisition.ollama.IndependentCommands;
import io.storyteller.command.acquisition.ollama.OllamaApiException;
import io.storyteller.command.acquisition.ollama.OllamaEndpoints;
import io.storyteller.command.acquisition.ollama.OllamaRegistration;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.domain.acquisition.CompleteModelCopy;
import io.storyteller.domain.acquisition.CopyModel;
import io.storyteller.domain.acquisition.FailModelCopy;
import io.storyteller.domain.acquisition.ModelCopyMethod;
import io.storyteller.domain.acquisition.ModelCopyName;
import io.storyteller.domain.acquisition.ModelCopyResult;
import io.storyteller.domain.acquisition.StartModelCopy;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Makes named copies: an Ollama model is copied by its server ({@code /api/copy}) and registered as
 * {@code <endpoint>:<name>}; a version whose artifact is a {@code file:} under the data directory is
 * copied to {@code <data-dir>/models/copies/<name>/}, verified, and registered as {@code <provider>:<name>}.
 * Either way the copy's version derives from the source, so {@code lineage} leads back to it. The
 * copy is put on record before anything is copied, and its end (made or failed) after.
 */
public class ModelCopying {

    private final RegistryLookup registry;
    private final OllamaEndpoints ollama;
    private final OllamaRegistration ollamaRegistration;
    private final ArtifactCopies artifacts;
    private final IndependentCommands commands;

    public ModelCopying(RegistryLookup registry, OllamaEndpoints ollama, OllamaRegistration ollamaRegistration,
            ArtifactCopies artifacts, IndependentCommands commands) {
        this.registry = registry;
        this.ollama = ollama;
        this.ollamaRegistration = ollamaRegistration;
        this.artifacts = artifacts;
        this.commands = commands;
    }

    @CommandHandler
    public ModelCopyResult handle(CopyModel command) {
        Actor actor = ModelAuthority.require(command.actor());
        String name = ModelCopyName.require("name", command.name());
        ModelRef source = Require.present("source", command.source()).validated("source");
        ModelView model = registry.model(source.modelId())
                .orElseThrow(() -> DomainRejection.notFound("source.modelId", "the registry has no model " + source.modelId()));
        if (model.status() == ModelStatus.RETIRED) {
            throw DomainRejection.conflict("source.modelId", "not-retired", source.modelId() + " is retired");
        }
        ModelVersionView version = model.versions().stream().filter(v -> v.version().equals(source.version())).findFirst()
                .orElseThrow(() -> DomainRejection.notFound("source.version", source.modelId() + " has no version " + source.version()));
        Optional<ProviderEndpoint> endpoint = ollama.servingModel(model.modelId());
        boolean files = version.artifact() != null && version.artifact().uri().startsWith("file:");
        if (endpoint.isEmpty() && !files) {
            throw DomainRejection.invalid("source", "copyable", source.label()
                    + " is neither a model of an Ollama endpoint nor files under the data directory");
        }
        String target = model.spec().provider() + ":" + name;
        if (registry.model(target).isPresent()) {
            throw DomainRejection.conflict("name", "unique", "the registry has a model " + target + " already");
        }
        ModelCopyMethod method = endpoint.isPresent() ? ModelCopyMethod.OLLAMA_COPY : ModelCopyMethod.ARTIFACT_DIRECTORY;
        if (method == ModelCopyMethod.ARTIFACT_DIRECTORY) {
            artifacts.sourcePath(version.artifact());
        }
        commands.send(new StartModelCopy(target, source, name, method, actor));
        try {
            ModelRef copy = endpoint.isPresent()
                    ? copyOnServer(endpoint.get(), model, source, name, actor)
                    : artifacts.copy(model, version, source, name, target, actor, commands);
            if (method == ModelCopyMethod.OLLAMA_COPY) {
                commands.send(new CompleteModelCopy(target, copy.version(), null));
            }
            return new ModelCopyResult(copy, source, method);
        } catch (OllamaApiException | CopyFailedException e) {
            commands.send(new FailModelCopy(target, e.getMessage()));
            throw DomainRejection.conflict("source", "copied", e.getMessage());
        } catch (RuntimeException e) {
            commands.send(new FailModelCopy(target, "failed: " + e.getClass().getSimpleName()));
            throw e;
        }
    }

    private ModelRef copyOnServer(ProviderEndpoint endpoint, ModelView model, ModelRef source, String name, Actor actor) {
        var api = ollama.api(endpoint);
        api.copy(model.spec().providerModelId(), name);
        var listed = api.tags().stream().filter(m -> name.equals(m.name()) || (name + ":latest").equals(m.name())).findFirst()
                .orElseThrow(() -> new OllamaApiException("the server does not list " + name + " after copying", 0));
        return ollamaRegistration.register(endpoint.name(), name, listed, api.show(name), source, actor);
    }
}
