package io.storyteller.domain.acquisition;

import static io.storyteller.domain.acquisition.OllamaPullsOnRecordTest.ADMIN;
import static io.storyteller.domain.acquisition.OllamaPullsOnRecordTest.MANAGER;
import static io.storyteller.domain.acquisition.OllamaPullsOnRecordTest.WORLD_ADMIN;

import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A named copy: begun by those who manage models, under a use-case name, made or failed once. */
class NamedCopiesTest {

    static final ModelRef SOURCE = new ModelRef("gpu-box:llama3.2:1b", "baf6a787fdff");
    static final String COPY = "gpu-box:narrator-noir";
    static final ModelArtifact FILES = new ModelArtifact("file:/data/models/copies/guardrail-kids/", "a".repeat(64), 2048);

    private FixtureConfiguration<ModelCopy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModelCopy.class);
    }

    @Test
    void aCopyBeginsUnderAUseCaseName() {
        fixture.givenNoPriorActivity()
                .when(new StartModelCopy(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, MANAGER))
                .expectEvents(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"));
    }

    @Test
    void aNameIsASlug() {
        fixture.givenNoPriorActivity()
                .when(new StartModelCopy("gpu-box:Narrator Noir", SOURCE, "Narrator Noir", ModelCopyMethod.OLLAMA_COPY, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("name", "slug"));
    }

    @Test
    void onlyThoseWhoManageModelsCopy() {
        fixture.givenNoPriorActivity()
                .when(new StartModelCopy(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aCopyIsNotItsOwnSource() {
        fixture.givenNoPriorActivity()
                .when(new StartModelCopy("gpu-box:llama3.2", new ModelRef("gpu-box:llama3.2", "1"), "llama3.2",
                        ModelCopyMethod.OLLAMA_COPY, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("name", "not-the-source"));
    }

    @Test
    void aMadeCopyNamesItsVersionAndSource() {
        fixture.given(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"))
                .when(new CompleteModelCopy(COPY, "baf6a787fdff", null))
                .expectEvents(new ModelCopied(new ModelRef(COPY, "baf6a787fdff"), SOURCE, ModelCopyMethod.OLLAMA_COPY, null));
    }

    @Test
    void copiedFilesAreRecordedWithTheirArtifact() {
        String copy = "huggingface:guardrail-kids";
        ModelRef source = new ModelRef("huggingface:org/guard", "main");
        fixture.given(new ModelCopyStarted(copy, source, "guardrail-kids", ModelCopyMethod.ARTIFACT_DIRECTORY, "ada"))
                .when(new CompleteModelCopy(copy, "main", null))
                .expectNoEvents()
                .expectException(Rejected.invalid("artifact", "required"));
    }

    @Test
    void aNameIsCopiedToOnce() {
        fixture.given(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"),
                        new ModelCopied(new ModelRef(COPY, "baf6a787fdff"), SOURCE, ModelCopyMethod.OLLAMA_COPY, null))
                .when(new StartModelCopy(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("name", "unique"));
    }

    @Test
    void aFailedCopyMayBeTriedAgain() {
        fixture.given(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"),
                        new ModelCopyFailed(COPY, SOURCE, "the server answered HTTP 404"))
                .when(new StartModelCopy(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, ADMIN))
                .expectEvents(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "ada"));
    }

    @Test
    void aRunningCopyIsNotBegunTwice() {
        fixture.given(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"))
                .when(new StartModelCopy(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("name", "no-copy-in-progress"));
    }

    @Test
    void aFailureEndsTheCopy() {
        fixture.given(new ModelCopyStarted(COPY, SOURCE, "narrator-noir", ModelCopyMethod.OLLAMA_COPY, "mona"),
                        new ModelCopyFailed(COPY, SOURCE, "refused"))
                .when(new CompleteModelCopy(COPY, "1", null))
                .expectNoEvents()
                .expectException(Rejected.conflict("copyModelId", "running"));
    }
}
