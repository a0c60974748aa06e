package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama endpoint's record: who may pull, one pull of a model at a time, a pull ends once. */
class OllamaPullsOnRecordTest {

    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    static final Actor WORLD_ADMIN = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));
    static final String SERVER = OllamaServer.idOf("gpu-box");
    static final ModelRef REGISTERED = new ModelRef("gpu-box:llama3.2:1b", "baf6a787fdff");

    private FixtureConfiguration<OllamaServer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(OllamaServer.class);
    }

    @Test
    void aPlatformAdminBeginsAPullOnAnEndpointNeverUsedBefore() {
        fixture.givenNoPriorActivity()
                .when(new RequestOllamaPull("gpu-box", "p-1", " llama3.2:1b ", ADMIN))
                .expectEvents(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"));
    }

    @Test
    void theLatestTagIsTheBareName() {
        fixture.givenNoPriorActivity()
                .when(new RequestOllamaPull("gpu-box", "p-1", "qwen2.5:latest", MANAGER))
                .expectEvents(new OllamaPullRequested("gpu-box", "p-1", "qwen2.5", "mona"));
    }

    @Test
    void onlyThoseWhoManageModelsPull() {
        fixture.givenNoPriorActivity()
                .when(new RequestOllamaPull("gpu-box", "p-1", "llama3.2", WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aModelNameIsWhatOllamaAccepts() {
        fixture.givenNoPriorActivity()
                .when(new RequestOllamaPull("gpu-box", "p-1", "llama 3; rm -rf", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("model", "ollama-name"));
    }

    @Test
    void aModelIsPulledOnceAtATime() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .when(new RequestOllamaPull("gpu-box", "p-2", "llama3.2:1b", MANAGER))
                .expectNoEvents()
                .expectException(Rejected.conflict("model", "no-pull-in-progress"));
    }

    /** A restart cuts a pull off without an end: asked for again after long enough, the model is pulled anew. */
    @Test
    void aPullWhoseEndWasNeverRecordedIsRecordedAbandonedWhenTheModelIsAskedForAgain() {
        Instant start = Instant.parse("2026-12-05T08:00:00Z");
        fixture.givenCurrentTime(start)
                .andGiven(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .andGivenCurrentTime(start.plus(OllamaServer.ABANDONED_AFTER).plusSeconds(60))
                .when(new RequestOllamaPull("gpu-box", "p-2", "llama3.2:1b", MANAGER))
                .expectEvents(new OllamaPullFailed("gpu-box", "p-1", "llama3.2:1b",
                                "abandoned: no end was recorded within 6 h (the application stopped during the pull)"),
                        new OllamaPullRequested("gpu-box", "p-2", "llama3.2:1b", "mona"));
    }

    @Test
    void aPullStillWithinItsTimeKeepsTheModel() {
        Instant start = Instant.parse("2026-12-05T08:00:00Z");
        fixture.givenCurrentTime(start)
                .andGiven(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .andGivenCurrentTime(start.plus(OllamaServer.ABANDONED_AFTER).minusSeconds(60))
                .when(new RequestOllamaPull("gpu-box", "p-2", "llama3.2:1b", MANAGER))
                .expectNoEvents()
                .expectException(Rejected.conflict("model", "no-pull-in-progress"));
    }

    @Test
    void aFinishedPullNamesItsDigestAndRegisteredVersion() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .when(new CompleteOllamaPull("gpu-box", "p-1", "sha256:baf6a787fdff", 1_321_098_329L, REGISTERED))
                .expectEvents(new OllamaPullCompleted("gpu-box", "p-1", "llama3.2:1b", "sha256:baf6a787fdff",
                        1_321_098_329L, REGISTERED));
    }

    @Test
    void aFailedPullSaysWhyAndTheModelMayBePulledAgain() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "nosuch", "ada"),
                        new OllamaPullFailed("gpu-box", "p-1", "nosuch", "pull model manifest: file does not exist"))
                .when(new RequestOllamaPull("gpu-box", "p-2", "nosuch", ADMIN))
                .expectEvents(new OllamaPullRequested("gpu-box", "p-2", "nosuch", "ada"));
    }

    @Test
    void aPullEndsOnce() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"),
                        new OllamaPullCompleted("gpu-box", "p-1", "llama3.2:1b", "sha256:baf6", 10, REGISTERED))
                .when(new FailOllamaPull("gpu-box", "p-1", "late"))
                .expectNoEvents()
                .expectException(Rejected.conflict("pullId", "running"));
    }

    @Test
    void aFailureSaysWhy() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .when(new FailOllamaPull("gpu-box", "p-1", " "))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aDeletionIsRecordedButNotWhileThatModelIsBeingPulled() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .when(new RecordOllamaDeletion("gpu-box", "llama3.2:1b", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("model", "no-pull-in-progress"));
    }

    @Test
    void aDeletionOfAnotherModelIsRecorded() {
        fixture.given(new OllamaPullRequested("gpu-box", "p-1", "llama3.2:1b", "ada"))
                .when(new RecordOllamaDeletion("gpu-box", "qwen2.5:0.5b", MANAGER))
                .expectEvents(new OllamaModelDeleted("gpu-box", "qwen2.5:0.5b", "mona"));
    }
}
