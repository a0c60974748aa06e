package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.LLAMA;
import static io.storyteller.domain.model.ModelExamples.MANAGER;
import static io.storyteller.domain.model.ModelExamples.PLAYER;
import static io.storyteller.domain.model.ModelExamples.WORLD_ADMIN;
import static io.storyteller.domain.model.ModelExamples.localChat;
import static io.storyteller.domain.model.ModelExamples.paidChat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegisteringAModelTest {

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
    }

    @Test
    void aPlatformAdminRegistersAPaidModelByHand() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, null, ADMIN.userId()))
                .expectResultMessagePayload(CLAUDE);
    }

    @Test
    void thePlatformRegistersWhatItDiscoveredNamingTheCatalogue() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(LLAMA, localChat(), ModelSource.DOWNLOADED, " ollama-library ", Actor.system()))
                .expectEvents(new ModelRegistered(LLAMA, localChat(), ModelSource.DOWNLOADED, "ollama-library", "system"));
    }

    @Test
    void theModelManagerRegistersModels() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(LLAMA, localChat(), ModelSource.SELF_HOSTED, null, MANAGER))
                .expectEvents(new ModelRegistered(LLAMA, localChat(), ModelSource.SELF_HOSTED, null, MANAGER.userId()));
    }

    @Test
    void aBlankDiscoveryMeansRegisteredByHand() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, "  ", ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, null, ADMIN.userId()));
    }

    @Test
    void theIdIsStoredTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(" claude-sonnet ", paidChat(), ModelSource.PAID_API, null, ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, null, ADMIN.userId()))
                .expectResultMessagePayload(CLAUDE);
    }

    @Test
    void aFineTunedModelMayBeBilledByItsProvider() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.FINE_TUNED, null, ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPlayerMayNotRegisterModels() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aWorldAdminMayNotRegisterModels() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void anActorWithoutRolesMayNotRegisterModels() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, new Actor("nobody", Set.of())))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aModelIsRegisteredBySomeone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void aModelNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(" ", paidChat(), ModelSource.PAID_API, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("modelId", "required"));
    }

    @Test
    void aModelIdIsShapedLikeAnId() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel("m".repeat(201), paidChat(), ModelSource.PAID_API, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("modelId", "id-shape"));
    }

    @Test
    void aModelNeedsASpec() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, null, ModelSource.PAID_API, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("spec", "required"));
    }

    @Test
    void aModelNeedsASource() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("source", "required"));
    }

    @Test
    void variantsAreDerivedNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.VARIANT, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("source", "not-variant"));
    }

    @ParameterizedTest
    @EnumSource(value = ModelSource.class, names = {"SELF_HOSTED", "DOWNLOADED", "HOUSE_TRAINED"})
    void aModelRunInHouseBillsNoTokens(ModelSource source) {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(LLAMA, paidChat(), source, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("spec.price", "zero-in-house"));
    }

    @Test
    void aDiscoveryNameHoldsAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, "d".repeat(201), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("discoveredBy", "max-length:200"));
    }

    @Test
    void aModelManagerWithOtherRolesStillOnlyNeedsItsOwn() {
        Actor both = new Actor("max", Set.of(PlatformRole.MODEL_MANAGER, PlatformRole.PLAYER));
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, paidChat(), ModelSource.PAID_API, null, both))
                .expectEvents(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, null, "max"));
    }

    @Test
    void theSpecIsStoredTrimmed() {
        ModelSpec untidy = new ModelSpec(" anthropic ", " claude-sonnet-4-5", ModelKind.CHAT,
                List.of(" chat", "long-context ", "CHAT"), 200_000,
                new TokenPrice(new BigDecimal("3"), new BigDecimal("15"), " USD "), " proprietary ");
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(CLAUDE, untidy, ModelSource.PAID_API, null, ADMIN))
                .expectEvents(new ModelRegistered(CLAUDE, paidChat(), ModelSource.PAID_API, null, ADMIN.userId()));
    }
}
