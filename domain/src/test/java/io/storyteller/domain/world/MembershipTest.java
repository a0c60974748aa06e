package io.storyteller.domain.world;

import static io.storyteller.domain.world.WorldExamples.ADMIN;
import static io.storyteller.domain.world.WorldExamples.OWNER;
import static io.storyteller.domain.world.WorldExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.world.WorldExamples.PLAYER;
import static io.storyteller.domain.world.WorldExamples.STRANGER;
import static io.storyteller.domain.world.WorldExamples.WORLD_ID;
import static io.storyteller.domain.world.WorldExamples.founded;

import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final String NEWCOMER = "nina";

    private FixtureConfiguration<World> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(World.class);
    }

    @Test
    void theOwnerAddsAPlayer() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, NEWCOMER, WorldRole.PLAYER, OWNER))
                .expectEvents(new WorldMemberAdded(WORLD_ID, NEWCOMER, WorldRole.PLAYER, OWNER.userId()));
    }

    @Test
    void anAdminAddsAnotherAdmin() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, NEWCOMER, WorldRole.ADMIN, ADMIN))
                .expectEvents(new WorldMemberAdded(WORLD_ID, NEWCOMER, WorldRole.ADMIN, ADMIN.userId()));
    }

    @Test
    void aPlatformAdminAddsMembersAnywhere() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, " nina ", WorldRole.PLAYER, PLATFORM_ADMIN))
                .expectEvents(new WorldMemberAdded(WORLD_ID, NEWCOMER, WorldRole.PLAYER, PLATFORM_ADMIN.userId()));
    }

    @Test
    void aPlayerMayNotAddMembers() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, NEWCOMER, WorldRole.PLAYER, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void aNonMemberMayNotAddThemselves() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, STRANGER.userId(), WorldRole.PLAYER, STRANGER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void noOneIsAddedAsASecondOwner() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, NEWCOMER, WorldRole.OWNER, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("role", "not-owner"));
    }

    @Test
    void aMemberIsAddedWithARole() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, NEWCOMER, null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("role", "required"));
    }

    @Test
    void aMemberIsAddedByUserId() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, " ", WorldRole.PLAYER, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("userId", "required"));
    }

    @Test
    void aMemberIsNotAddedTwice() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-member"));
    }

    @Test
    void theOwnerIsAlreadyAMember() {
        fixture.given(founded())
                .when(new AddWorldMember(WORLD_ID, OWNER.userId(), WorldRole.PLAYER, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-member"));
    }

    @Test
    void aRemovedMemberMayBeAddedAgain() {
        fixture.given(founded(new WorldMemberRemoved(WORLD_ID, PLAYER.userId(), OWNER.userId())))
                .when(new AddWorldMember(WORLD_ID, PLAYER.userId(), WorldRole.PLAYER, OWNER))
                .expectEvents(new WorldMemberAdded(WORLD_ID, PLAYER.userId(), WorldRole.PLAYER, OWNER.userId()));
    }

    @Test
    void anAdminPromotesAPlayer() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, ADMIN))
                .expectEvents(new WorldMemberRoleChanged(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, ADMIN.userId()));
    }

    @Test
    void anAdminMayDemoteThemselves() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, ADMIN.userId(), WorldRole.PLAYER, ADMIN))
                .expectEvents(new WorldMemberRoleChanged(WORLD_ID, ADMIN.userId(), WorldRole.PLAYER, ADMIN.userId()));
    }

    @Test
    void givingAMemberTheRoleTheyHaveChangesNothing() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, PLAYER.userId(), WorldRole.PLAYER, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theOwnersRoleCannotBeChanged() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, OWNER.userId(), WorldRole.ADMIN, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-owner"));
    }

    @Test
    void ownershipIsNotAssignable() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, ADMIN.userId(), WorldRole.OWNER, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("role", "not-owner"));
    }

    @Test
    void aRoleChangeNamesTheNewRole() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, PLAYER.userId(), null, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("role", "required"));
    }

    @Test
    void theRoleOfANonMemberCannotBeChanged() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, NEWCOMER, WorldRole.ADMIN, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("userId"));
    }

    @Test
    void aPlayerMayNotChangeRoles() {
        fixture.given(founded())
                .when(new ChangeWorldMemberRole(WORLD_ID, PLAYER.userId(), WorldRole.ADMIN, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void anAdminRemovesAMember() {
        fixture.given(founded())
                .when(new RemoveWorldMember(WORLD_ID, PLAYER.userId(), ADMIN))
                .expectEvents(new WorldMemberRemoved(WORLD_ID, PLAYER.userId(), ADMIN.userId()));
    }

    @Test
    void theOwnerCannotBeRemoved() {
        fixture.given(founded())
                .when(new RemoveWorldMember(WORLD_ID, OWNER.userId(), PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-owner"));
    }

    @Test
    void aNonMemberCannotBeRemoved() {
        fixture.given(founded())
                .when(new RemoveWorldMember(WORLD_ID, NEWCOMER, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("userId"));
    }

    @Test
    void aMemberIsRemovedOnce() {
        fixture.given(founded(new WorldMemberRemoved(WORLD_ID, PLAYER.userId(), OWNER.userId())))
                .when(new RemoveWorldMember(WORLD_ID, PLAYER.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("userId"));
    }

    @Test
    void aPlayerMayNotRemoveMembers() {
        fixture.given(founded())
                .when(new RemoveWorldMember(WORLD_ID, ADMIN.userId(), PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }
}
