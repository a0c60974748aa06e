package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.LLAMA;
import static io.storyteller.domain.model.ModelExamples.artifact;

import io.storyteller.domain.shared.Rejected;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A version a fine-tuning trained carries its full lineage: base, dataset manifest, parameters, metrics, backend. */
class TrainedVersionsTest {

    private static final ModelRef BASE = new ModelRef(LLAMA, "3.1");

    private static TrainingLineage lineage(ModelRef base) {
        return new TrainingLineage("ft-1", base, "command", "exp-1", "cd".repeat(32), Map.of("sft.train.jsonl", 120L),
                Map.of("epochs", "2"), Map.of("loss", 0.31), null);
    }

    @Test
    void aTrainedVersionRecordsItsLineage() {
        ModelExamples.fixture(ModelExamples.registry())
                .given(ModelExamples.llama())
                .when(new AddModelVersion(LLAMA, "3.1-ft1", artifact(), BASE, null, ADMIN, lineage(BASE)))
                .expectEvents(new ModelVersionAdded(LLAMA, "3.1-ft1", artifact(), BASE, null, ADMIN.userId(), lineage(BASE)));
    }

    @Test
    void theLineagesBaseIsTheVersionItDerivesFrom() {
        ModelExamples.fixture(ModelExamples.registry())
                .given(ModelExamples.llama())
                .when(new AddModelVersion(LLAMA, "3.1-ft1", artifact(), BASE, null, ADMIN, lineage(new ModelRef(LLAMA, "3.0"))))
                .expectException(Rejected.invalid("training.base", "equals-derivedFrom"));
    }
}
