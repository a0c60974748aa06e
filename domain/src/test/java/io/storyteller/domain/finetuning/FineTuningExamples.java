package io.storyteller.domain.finetuning;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.ModelsOnRecord;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The facts the fine-tuning specifications share: the house detector {@code house:detector} with
 * version 3 (a classifier whose files the platform holds), backends {@code house} and {@code openai}.
 */
final class FineTuningExamples {

    static final String ID = "ft-1";
    static final String DETECTOR = "house:detector";
    static final ModelRef BASE = new ModelRef(DETECTOR, "3");
    static final ModelRef CANDIDATE = new ModelRef(DETECTOR, "4");
    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    static final CorpusSelection DATASET = new CorpusSelection(null, null, null, null, List.of(), List.of(),
            List.of(CorpusDataset.DETECTOR), 0.1, 7);
    static final FineTuningDataset EXPORTED = new FineTuningDataset("exp-1", "corpora/exp-1", "cd".repeat(32),
            Map.of("detector.train.jsonl", 90L, "detector.holdout.jsonl", 10L));
    static final FineTuningRequested REQUESTED = new FineTuningRequested(ID, BASE, UseCase.DETECTOR, "house", DATASET,
            Map.of("epochs", "3"), null, null, null, ADMIN.userId());

    private FineTuningExamples() {
    }

    static RequestFineTuning request(ModelRef base, String backend, CorpusSelection dataset, Double margin, Actor actor) {
        return new RequestFineTuning(ID, base, UseCase.DETECTOR, backend, dataset, Map.of("epochs", "3"), margin, null, null, actor);
    }

    static ModelsOnRecord registry() {
        ModelSpec spec = new ModelSpec("house", "detector", ModelKind.CLASSIFIER, List.of("detector"), 512,
                TokenPrice.zero(), "house");
        return new ModelsOnRecord().record(DETECTOR, List.of(
                new ModelRegistered(DETECTOR, spec, ModelSource.HOUSE_TRAINED, null, "system"),
                new ModelVersionAdded(DETECTOR, "3", new ModelArtifact("file:///data/models/house/detector/3/", "ab".repeat(32), 10),
                        null, null, "system")));
    }

    static FixtureConfiguration<FineTuning> fixture() {
        AggregateTestFixture<FineTuning> fixture = new AggregateTestFixture<>(FineTuning.class);
        fixture.registerAnnotatedCommandHandler(new FineTuningAdmission(registry().repository(), fixture.getRepository(),
                () -> List.of("house", "openai")));
        return fixture;
    }
}
