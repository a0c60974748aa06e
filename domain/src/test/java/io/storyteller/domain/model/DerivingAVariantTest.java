package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.BGE;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.LLAMA;
import static io.storyteller.domain.model.ModelExamples.MANAGER;
import static io.storyteller.domain.model.ModelExamples.PLAYER;
import static io.storyteller.domain.model.ModelExamples.VARIANT;
import static io.storyteller.domain.model.ModelExamples.WORLD_ADMIN;
import static io.storyteller.domain.model.ModelExamples.localChat;
import static io.storyteller.domain.model.ModelExamples.paidChat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerivingAVariantTest {

    private static final ModelRef LLAMA_31 = new ModelRef(LLAMA, "3.1");
    private static final String NOIR = "You narrate in hard-boiled noir: short sentences, rain, regret.";
    private static final SamplingParameters WARM = new SamplingParameters(0.9, 0.95, 600);

    private ModelsOnRecord registry;
    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        registry = ModelExamples.registry();
        fixture = ModelExamples.fixture(registry);
    }

    private static DeriveModelVariant derive(ModelRef base, UseCase useCase, Actor actor) {
        return new DeriveModelVariant(VARIANT, "narrator-noir", base, useCase, NOIR, WARM, actor);
    }

    @Test
    void aPlatformAdminDerivesANamedNarratorVariantWhoseFirstVersionDescendsFromTheBase() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.NARRATOR, ADMIN))
                .expectEvents(new ModelVariantDerived(VARIANT, "narrator-noir", localChat(), LLAMA_31, UseCase.NARRATOR,
                                NOIR, WARM, ADMIN.userId()),
                        new ModelVersionAdded(VARIANT, "1", null, LLAMA_31, null, ADMIN.userId()))
                .expectResultMessagePayload(VARIANT);
    }

    @Test
    void theModelManagerDerivesAVariantOfAPaidModelWhichKeepsItsPrice() {
        ModelRef claude = new ModelRef(CLAUDE, "2025-09");
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(" " + VARIANT + " ", " reviewer-strict ", claude, UseCase.REVIEWER, null, null,
                        MANAGER))
                .expectEvents(new ModelVariantDerived(VARIANT, "reviewer-strict", paidChat(), claude, UseCase.REVIEWER, "",
                                null, MANAGER.userId()),
                        new ModelVersionAdded(VARIANT, "1", null, claude, null, MANAGER.userId()))
                .expectResultMessagePayload(VARIANT);
    }

    @Test
    void aChatModelMayGuardToo() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.GUARDRAIL, Actor.system()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aVariantMayBeDerivedFromAnotherVariant() {
        registry.record("narrator-base", List.of(
                new ModelVariantDerived("narrator-base", "narrator-base", localChat(), LLAMA_31, UseCase.NARRATOR, "", null, "ada"),
                new ModelVersionAdded("narrator-base", "1", null, LLAMA_31, null, "ada")));
        ModelRef base = new ModelRef("narrator-base", "1");
        fixture.givenNoPriorActivity()
                .when(derive(base, UseCase.NARRATOR, ADMIN))
                .expectEvents(new ModelVariantDerived(VARIANT, "narrator-noir", localChat(), base, UseCase.NARRATOR, NOIR, WARM,
                                ADMIN.userId()),
                        new ModelVersionAdded(VARIANT, "1", null, base, null, ADMIN.userId()));
    }

    @Test
    void theBaseMustExist() {
        fixture.givenNoPriorActivity()
                .when(derive(new ModelRef("gpt-nowhere", "1"), UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("base.modelId"));
    }

    @Test
    void aVariantIsNotItsOwnBase() {
        fixture.givenNoPriorActivity()
                .when(derive(new ModelRef(VARIANT, "1"), UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("base.modelId", "not-the-variant"));
    }

    @Test
    void aRetiredBaseStaysReadableButBearsNoVariants() {
        registry.record(LLAMA, List.of(new ModelRetired(LLAMA, "superseded", ADMIN.userId())));
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("base.modelId", "not-retired"));
    }

    @Test
    void theBaseMustHaveTheVersion() {
        fixture.givenNoPriorActivity()
                .when(derive(new ModelRef(LLAMA, "9.9"), UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("base.version"));
    }

    @Test
    void onlyChatModelsBearVariants() {
        fixture.givenNoPriorActivity()
                .when(derive(new ModelRef(BGE, "1.5"), UseCase.REVIEWER, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("base.modelId", "kind:chat"));
    }

    @Test
    void noVariantIsMadeForAUseCaseNoChatModelServes() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.EMBEDDER, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("useCase", "accepts:chat"));
    }

    static Stream<Arguments> brokenSampling() {
        return Stream.of(
                Arguments.of("sampling.temperature", "range:0..2", new SamplingParameters(-0.1, null, null)),
                Arguments.of("sampling.temperature", "range:0..2", new SamplingParameters(2.01, null, null)),
                Arguments.of("sampling.temperature", "range:0..2", new SamplingParameters(Double.NaN, null, null)),
                Arguments.of("sampling.topP", "range:0..1", new SamplingParameters(null, -0.01, null)),
                Arguments.of("sampling.topP", "range:0..1", new SamplingParameters(null, 1.01, null)),
                Arguments.of("sampling.maxTokens", "range:1..32000", new SamplingParameters(null, null, 0)),
                Arguments.of("sampling.maxTokens", "range:1..32000", new SamplingParameters(null, null, 32_001)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("brokenSampling")
    void samplingParametersStayInTheirRanges(String field, String rule, SamplingParameters sampling) {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, "narrator-noir", LLAMA_31, UseCase.NARRATOR, NOIR, sampling, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid(field, rule));
    }

    static Stream<SamplingParameters> samplingAtTheLimits() {
        return Stream.of(new SamplingParameters(0.0, 0.0, 1), new SamplingParameters(2.0, 1.0, 32_000));
    }

    @ParameterizedTest
    @MethodSource("samplingAtTheLimits")
    void samplingParametersMayReachTheirLimits(SamplingParameters limits) {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, "narrator-noir", LLAMA_31, UseCase.NARRATOR, NOIR, limits, ADMIN))
                .expectEvents(new ModelVariantDerived(VARIANT, "narrator-noir", localChat(), LLAMA_31, UseCase.NARRATOR, NOIR,
                                limits, ADMIN.userId()),
                        new ModelVersionAdded(VARIANT, "1", null, LLAMA_31, null, ADMIN.userId()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Narrator Noir", "-noir", "noir!", "Noir"})
    void aVariantsNameIsASlug(String name) {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, name, LLAMA_31, UseCase.NARRATOR, NOIR, WARM, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("name", "slug"));
    }

    @Test
    void aVariantIsNamed() {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, " ", LLAMA_31, UseCase.NARRATOR, NOIR, WARM, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("name", "required"));
    }

    @Test
    void aVariantsNameHoldsAtMost100Characters() {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, "n".repeat(101), LLAMA_31, UseCase.NARRATOR, NOIR, WARM, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("name", "max-length:100"));
    }

    @Test
    void aVariantNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant("", "narrator-noir", LLAMA_31, UseCase.NARRATOR, NOIR, WARM, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("variantModelId", "required"));
    }

    @Test
    void aVariantNamesItsBase() {
        fixture.givenNoPriorActivity()
                .when(derive(null, UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("base", "required"));
    }

    @Test
    void aVariantNamesItsBasesVersion() {
        fixture.givenNoPriorActivity()
                .when(derive(new ModelRef(LLAMA, null), UseCase.NARRATOR, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("base.version", "required"));
    }

    @Test
    void aVariantIsForAUseCase() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("useCase", "required"));
    }

    @Test
    void aSystemPromptHoldsAtMost8000Characters() {
        fixture.givenNoPriorActivity()
                .when(new DeriveModelVariant(VARIANT, "narrator-noir", LLAMA_31, UseCase.NARRATOR, "p".repeat(8001), WARM, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("systemPrompt", "max-length:8000"));
    }

    @Test
    void aPlayerMayNotDeriveVariants() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.NARRATOR, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aWorldAdminMayNotDeriveVariants() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.NARRATOR, WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aVariantIsDerivedBySomeone() {
        fixture.givenNoPriorActivity()
                .when(derive(LLAMA_31, UseCase.NARRATOR, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void aVariantIsAModelLikeAnyOther() {
        fixture.given(new ModelVariantDerived(VARIANT, "narrator-noir", localChat(), LLAMA_31, UseCase.NARRATOR, NOIR, WARM,
                        ADMIN.userId()),
                        new ModelVersionAdded(VARIANT, "1", null, LLAMA_31, null, ADMIN.userId()))
                .when(new AddModelVersion(VARIANT, "2", null, new ModelRef(LLAMA, "3.1"), null, MANAGER))
                .expectEvents(new ModelVersionAdded(VARIANT, "2", null, LLAMA_31, null, MANAGER.userId()));
    }
}
