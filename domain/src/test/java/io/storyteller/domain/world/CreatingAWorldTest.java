package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.settings;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreatingAWorldTest {

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void aWorldAdminCreatesAWorldAndBecomesItsOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings(), OWNER))
                .expectEvents(new WorldCreated(WORLD_ID, settings(), OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.OWNER, OWNER.userId()))
                .expectResultMessagePayload(WORLD_ID);
    }

    @Test
    void aPlatformAdminMayCreateAWorld() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings(), PLATFORM_ADMIN))
                .expectEvents(new WorldCreated(WORLD_ID, settings(), PLATFORM_ADMIN.userId()),
                        new WorldMemberAdded(WORLD_ID, PLATFORM_ADMIN.userId(), WorldRole.OWNER, PLATFORM_ADMIN.userId()));
    }

    @Test
    void thePlatformItselfMayCreateAWorld() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings(), Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new WorldCreated(WORLD_ID, settings(), "system"),
                        new WorldMemberAdded(WORLD_ID, "system", WorldRole.OWNER, "system"));
    }

    @Test
    void aPlayerWithoutTheWorldAdminRoleMayNotCreateAWorld() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings(), PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aWorldIsCreatedBySomeone() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, settings(), null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void aWorldNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(" ", settings(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("worldId", "required"));
    }

    @Test
    void aWorldIdIsShapedLikeAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld("w".repeat(201), settings(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("worldId", "id-shape"));
    }

    @Test
    void theWorldIdIsStoredTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld("  w1 ", settings(), OWNER))
                .expectEvents(new WorldCreated(WORLD_ID, settings(), OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.OWNER, OWNER.userId()))
                .expectResultMessagePayload(WORLD_ID);
    }

    @Test
    void aWorldNeedsSettings() {
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("settings", "required"));
    }

    @Test
    void theSettingsAreStoredTrimmedAndTheNarrativeStyleIsOptional() {
        WorldSettings untidy = new WorldSettings(" Ashfall ", "\tA city built inside a sleeping volcano.\n",
                " fantasy", "grim ", ContentRating.TEEN, null);
        WorldSettings stored = new WorldSettings("Ashfall", "A city built inside a sleeping volcano.",
                "fantasy", "grim", ContentRating.TEEN, "");
        fixture.givenNoPriorActivity()
                .when(new CreateWorld(WORLD_ID, untidy, OWNER))
                .expectEvents(new WorldCreated(WORLD_ID, stored, OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.OWNER, OWNER.userId()));
    }
}
