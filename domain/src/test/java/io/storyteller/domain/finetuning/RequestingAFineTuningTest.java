package io.storyteller.domain.finetuning;

import static io.storyteller.domain.finetuning.FineTuningExamples.ADMIN;
import static io.storyteller.domain.finetuning.FineTuningExamples.BASE;
import static io.storyteller.domain.finetuning.FineTuningExamples.DATASET;
import static io.storyteller.domain.finetuning.FineTuningExamples.ID;
import static io.storyteller.domain.finetuning.FineTuningExamples.MANAGER;
import static io.storyteller.domain.finetuning.FineTuningExamples.REQUESTED;
import static io.storyteller.domain.finetuning.FineTuningExamples.request;

import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fine-tuning is admitted only for a servable base, a known backend and a sound dataset. */
class RequestingAFineTuningTest {

    private FixtureConfiguration<FineTuning> fixture;

    @BeforeEach
    void setUp() {
        fixture = FineTuningExamples.fixture();
    }

    @Test
    void aPlatformAdminRequestsAFineTuningOfTheHouseDetector() {
        fixture.givenNoPriorActivity()
                .when(request(BASE, "house", DATASET, null, ADMIN))
                .expectEvents(REQUESTED)
                .expectResultMessagePayload(ID);
    }

    @Test
    void aBaseTheRegistryDoesNotHaveIsRefusedNamingTheField() {
        fixture.givenNoPriorActivity()
                .when(request(new ModelRef("house:nothing", "1"), "house", DATASET, null, ADMIN))
                .expectException(Rejected.notFound("base.modelId"));
        fixture.givenNoPriorActivity()
                .when(request(new ModelRef(BASE.modelId(), "99"), "house", DATASET, null, ADMIN))
                .expectException(Rejected.notFound("base.version"));
    }

    @Test
    void anUnknownBackendIsRefusedListingTheKnownOnes() {
        fixture.givenNoPriorActivity()
                .when(request(BASE, "colab", DATASET, null, ADMIN))
                .expectException(Rejected.invalid("backend", "one-of:house,openai"));
    }

    @Test
    void aHoldoutOutOfRangeIsRefusedAsTheDatasetsField() {
        CorpusSelection tooMuch = new CorpusSelection(null, null, null, null, List.of(), List.of(), List.of(), 0.95, 7);
        fixture.givenNoPriorActivity()
                .when(request(BASE, "house", tooMuch, null, ADMIN))
                .expectException(Rejected.invalid("dataset.holdout", "range:0..0.9"));
    }

    @Test
    void aMarginOutsideMinusOneToOneIsRefused() {
        fixture.givenNoPriorActivity()
                .when(request(BASE, "house", DATASET, 1.5, ADMIN))
                .expectException(Rejected.invalid("margin", "range:-1..1"));
    }

    @Test
    void aBaseOfAKindTheUseCaseCannotServeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestFineTuning(ID, BASE, UseCase.NARRATOR, "house", DATASET, Map.of(), null, null, null, ADMIN))
                .expectException(Rejected.invalid("useCase", "accepts:classifier"));
    }

    @Test
    void badlyNamedHyperParametersAreRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestFineTuning(ID, BASE, UseCase.DETECTOR, "house", DATASET, Map.of("1bad name", "x"), null,
                        null, null, ADMIN))
                .expectException(Rejected.invalid("hyperParameters", "name"));
    }

    @Test
    void onlyPlatformAdminsFineTuneNotTheModelManager() {
        fixture.givenNoPriorActivity()
                .when(request(BASE, "house", DATASET, null, MANAGER))
                .expectException(Rejected.forbidden("role:platform-admin"));
    }
}
