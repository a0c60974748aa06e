package io.storyteller.command.acquisition.hub;

import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.HubModelDownloaded;
import io.storyteller.domain.acquisition.RecordAcquiredModel;
import io.storyteller.domain.acquisition.RegisterHubModel;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Enters a verified download in the model registry for {@link RegisterHubModel}: the model
 * {@code huggingface:<repo>} (registered once, {@code DOWNLOADED}, with the Hub's license) gains the
 * commit as a version whose artifact is the download directory, its digest the manifest's. Its
 * lineage: derived from the model card's base model when the registry has it, else from the newest
 * version of the same repository acquired before. Repeating it is harmless ({@link RegistryCommands}).
 */
public class HubRegistration implements AutoCloseable {

    static final String REGISTERED_BY = "hub-acquisition";

    private final RegistryCommands registry;
    private final HubRegistry models;
    private final AcquisitionWork work;

    HubRegistration(RegistryCommands registry, HubRegistry models, AcquisitionWork work) {
        this.registry = registry;
        this.models = models;
        this.work = work;
    }

    @CommandHandler
    public void handle(RegisterHubModel command) {
        work.run(command.acquisitionId(), AcquisitionStep.REGISTER, () -> register(command));
    }

    private RecordAcquiredModel register(RegisterHubModel command) {
        HubModelDownloaded download = command.download();
        String modelId = HubRegistry.modelId(download.repo());
        ModelRef lineage = lineage(download);
        require(registry.register(new RegisterModel(modelId, spec(download), ModelSource.DOWNLOADED, REGISTERED_BY,
                Actor.system())));
        ModelRef version = new ModelRef(modelId, download.commit());
        require(registry.addVersion(new AddModelVersion(modelId, download.commit(),
                new ModelArtifact(DownloadRoot.uri(download.repo(), download.commit()), command.digest(),
                        Math.max(1, download.totalBytes())),
                version.equals(lineage) ? null : lineage, null, Actor.system())));
        return new RecordAcquiredModel(command.acquisitionId(), version, Actor.system());
    }

    private ModelRef lineage(HubModelDownloaded download) {
        if (download.baseModel() != null && !download.baseModel().equals(download.repo())) {
            var base = models.newestVersion(download.baseModel());
            if (base.isPresent()) {
                return base.get();
            }
        }
        return models.newestVersion(download.repo()).orElse(null);
    }

    private static void require(RegistryResult result) {
        if (result.rejected()) {
            throw new HubUnavailableException("the registry refused the model: " + result.reason(), false);
        }
    }

    static ModelSpec spec(HubModelDownloaded download) {
        ModelKind kind = kind(download.task());
        List<String> capabilities = new ArrayList<>();
        if (download.task() != null) {
            capabilities.add(download.task());
        }
        if (download.library() != null) {
            capabilities.add(download.library());
        }
        return new ModelSpec(HubRegistry.PROVIDER, download.repo(), kind, capabilities,
                kind == ModelKind.CHAT ? 2048 : 512, TokenPrice.zero(),
                download.license() == null ? "unknown" : download.license());
    }

    /** The Hub's pipeline tag as a kind: what embeds is an embedder, what classifies a classifier, the rest chats. */
    static ModelKind kind(String task) {
        if (task == null) {
            return ModelKind.CHAT;
        }
        return switch (task) {
            case "feature-extraction", "sentence-similarity" -> ModelKind.EMBEDDING;
            case "text-classification", "token-classification", "zero-shot-classification" -> ModelKind.CLASSIFIER;
            default -> ModelKind.CHAT;
        };
    }

    /** Stops its worker at shutdown (the context closes a bean that can be closed). */
    @Override
    public void close() {
        work.close();
    }
}
