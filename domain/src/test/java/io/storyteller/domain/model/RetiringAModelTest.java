package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.MANAGER;
import static io.storyteller.domain.model.ModelExamples.PLAYER;
import static io.storyteller.domain.model.ModelExamples.WORLD_ADMIN;
import static io.storyteller.domain.model.ModelExamples.claude;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetiringAModelTest {

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
    }

    @Test
    void theModelManagerRetiresAModel() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, " deprecated by provider ", MANAGER))
                .expectEvents(new ModelRetired(CLAUDE, "deprecated by provider", MANAGER.userId()));
    }

    @Test
    void thePlatformRetiresAModel() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, "removed from catalogue", Actor.system()))
                .expectEvents(new ModelRetired(CLAUDE, "removed from catalogue", "system"));
    }

    @Test
    void aModelIsRetiredOnce() {
        fixture.given(claude(new ModelRetired(CLAUDE, "deprecated by provider", ADMIN.userId())))
                .when(new RetireModel(CLAUDE, "again", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("modelId", "not-retired"));
    }

    @Test
    void aRetirementSaysWhy() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, " ", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aReasonHoldsAtMost1000Characters() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, "r".repeat(1001), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "max-length:1000"));
    }

    @Test
    void aPlayerMayNotRetireModels() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, "no", PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aWorldAdminMayNotRetireModels() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, "no", WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aRetirementIsMadeBySomeone() {
        fixture.given(claude())
                .when(new RetireModel(CLAUDE, "no", null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
