package io.storyteller.command.finetuning;

import io.storyteller.command.acquisition.copy.ArtifactTree;
import io.storyteller.command.registry.RegistryCommands;
import io.storyteller.command.registry.RegistryResult;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.domain.finetuning.TrainFineTuningCandidate;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.shared.Actor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enters what a training made in the registry with its full lineage (base, dataset manifest,
 * hyper-parameters, metrics, backend). Files become a new version of the base's model, which holds
 * files (the outcome's version, else the next free one); a provider's model becomes a new
 * {@code FINE_TUNED} model {@code <provider>:<providerModel>} with the base's spec, derived from it.
 * Repeating it is harmless ({@link RegistryCommands}).
 */
class CandidateRegistration {

    static final String REGISTERED_BY = "fine-tuning:";

    private final RegistryCommands registry;

    CandidateRegistration(RegistryCommands registry) {
        this.registry = registry;
    }

    ModelRef register(TrainFineTuningCandidate work, ModelView base, TrainingOutcome outcome) {
        TrainingLineage lineage = new TrainingLineage(work.fineTuningId(), work.base(), work.backend(), work.dataset().exportId(),
                work.dataset().digest(), work.dataset().records(), work.hyperParameters(), outcome.metrics(),
                outcome.externalJobId());
        return outcome.artifactDirectory() != null ? files(work, base, outcome, lineage) : providerModel(work, base, outcome, lineage);
    }

    private ModelRef files(TrainFineTuningCandidate work, ModelView base, TrainingOutcome outcome, TrainingLineage lineage) {
        if (!base.source().holdsFiles()) {
            throw new FineTuningWorkException("backend " + work.backend() + " made files, but " + base.modelId()
                    + " is a " + base.source() + " model, which holds no files", false);
        }
        Path directory = outcome.artifactDirectory().toAbsolutePath().normalize();
        String version = outcome.version() != null ? outcome.version() : nextFree(base, work.base());
        ModelArtifact artifact;
        try {
            artifact = new ModelArtifact(directory.toUri().toString(), ArtifactTree.digest(directory), Math.max(1, ArtifactTree.size(directory)));
        } catch (IOException e) {
            throw new FineTuningWorkException("could not read the trained files: " + e.getClass().getSimpleName(), true);
        }
        require(registry.addVersion(new AddModelVersion(base.modelId(), version, artifact, work.base(), null, Actor.system(),
                lineage)));
        return new ModelRef(base.modelId(), version);
    }

    private ModelRef providerModel(TrainFineTuningCandidate work, ModelView base, TrainingOutcome outcome, TrainingLineage lineage) {
        ModelSpec from = base.spec();
        String modelId = from.provider() + ":" + outcome.providerModel();
        ModelSpec spec = new ModelSpec(from.provider(), outcome.providerModel(), from.kind(), from.capabilities(),
                from.contextWindow(), from.price(), from.license());
        require(registry.register(new RegisterModel(modelId, spec, ModelSource.FINE_TUNED, REGISTERED_BY + work.fineTuningId(),
                Actor.system())));
        String version = outcome.version() != null ? outcome.version() : "1";
        require(registry.addVersion(new AddModelVersion(modelId, version, null, work.base(), null, Actor.system(), lineage)));
        return new ModelRef(modelId, version);
    }

    /** The next number after the highest numbered version; for models with named versions, {@code <base>.ft<n>}. */
    static String nextFree(ModelView model, ModelRef base) {
        Set<String> taken = model.versions().stream().map(ModelVersionView::version).collect(Collectors.toSet());
        long highest = taken.stream().filter(v -> v.matches("\\d{1,18}")).mapToLong(Long::parseLong).max().orElse(-1);
        if (highest >= 0) {
            return Long.toString(highest + 1);
        }
        for (int n = 1; ; n++) {
            String named = base.version() + ".ft" + n;
            if (!taken.contains(named)) {
                return named;
            }
        }
    }

    private static void require(RegistryResult result) {
        if (result.rejected()) {
            throw new FineTuningWorkException("the registry refused the candidate: " + result.reason(), false);
        }
    }
}
