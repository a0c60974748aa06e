package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.STRANGER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangingWorldSettingsTest {

    private static final WorldSettings DARKER = new WorldSettings("Ashfall", "The volcano woke.", "horror", "bleak",
            ContentRating.MATURE, "");

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void theOwnerChangesTheSettings() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, OWNER))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, OWNER.userId()));
    }

    @Test
    void aMemberWithTheAdminRoleChangesTheSettings() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, ADMIN))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, ADMIN.userId()));
    }

    @Test
    void aPlatformAdminChangesTheSettingsOfAWorldTheyDoNotBelongTo() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, PLATFORM_ADMIN))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, PLATFORM_ADMIN.userId()));
    }

    @Test
    void thePlatformItselfMayChangeTheSettings() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, Actor.system()))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, "system"));
    }

    @Test
    void aPlayerMayNotChangeTheSettings() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aWorldAdminOfAnotherWorldMayNotChangeTheSettings() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, STRANGER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void anAdminDemotedToPlayerNoLongerManagesTheWorld() {
        fixture.given(founded(new WorldMemberRoleChanged(WORLD_ID, ADMIN.userId(), WorldRole.PLAYER, OWNER.userId())))
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aRemovedAdminNoLongerManagesTheWorld() {
        fixture.given(founded(new WorldMemberRemoved(WORLD_ID, ADMIN.userId(), OWNER.userId())))
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aPlayerPromotedToAdminManagesTheWorld() {
        fixture.given(founded(new WorldMemberRoleChanged(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, OWNER.userId())))
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, PLAYER))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, PLAYER.userId()));
    }

    @Test
    void changedSettingsObeyTheSameRules() {
        WorldSettings nameless = new WorldSettings(" ", DARKER.premise(), DARKER.genre(), DARKER.tone(),
                DARKER.contentRating(), DARKER.narrativeStyle());
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, nameless, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("settings.name", "required"));
    }

    @Test
    void changedSettingsAreStoredTrimmed() {
        WorldSettings untidy = new WorldSettings(" Ashfall", DARKER.premise(), "horror ", DARKER.tone(),
                DARKER.contentRating(), "  ");
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, untidy, OWNER))
                .expectEvents(new WorldSettingsChanged(WORLD_ID, DARKER, OWNER.userId()));
    }

    @Test
    void settingsMayNotBeRemoved() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("settings", "required"));
    }

    @Test
    void aSettingsChangeIsMadeBySomeone() {
        fixture.given(founded())
                .when(new ChangeWorldSettings(WORLD_ID, DARKER, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
