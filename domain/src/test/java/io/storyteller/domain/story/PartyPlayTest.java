package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.PROVENANCE;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.invited;
import static io.storyteller.domain.story.StoryExamples.narrated;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldMemberRemoved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inviting members of the world into a story, and playing it together. */
class PartyPlayTest {

    private WorldsOnRecord worlds;
    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        worlds = StoryExamples.worlds();
        fixture = StoryExamples.fixture(worlds);
    }

    @Test
    void theOwnerInvitesAMemberOfTheWorld() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, " bruno ", OWNER))
                .expectEvents(new ParticipantInvited(STORY_ID, FRIEND.userId(), OWNER.userId()));
    }

    @Test
    void aPlatformAdminInvitesOnTheOwnersBehalf() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), PLATFORM_ADMIN))
                .expectEvents(new ParticipantInvited(STORY_ID, FRIEND.userId(), PLATFORM_ADMIN.userId()));
    }

    @Test
    void anInvitedParticipantMayNotInviteOthers() {
        fixture.given(started(invited(FRIEND)))
                .when(new InviteParticipant(STORY_ID, WORLD_OWNER.userId(), FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-owner"));
    }

    @Test
    void whoMayNotInviteLearnsNothingAboutTheWorldsMembers() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, "someone-unknown", OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-owner"));
    }

    @Test
    void theInviteeMustBelongToTheWorld() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, OUTSIDER.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("userId", "world-member"));
    }

    @Test
    void aMemberRemovedFromTheWorldCannotBeInvited() {
        worlds.record(WORLD_ID, new WorldMemberRemoved(WORLD_ID, FRIEND.userId(), WORLD_OWNER.userId()));
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("userId", "world-member"));
    }

    @Test
    void aParticipantIsNotInvitedTwice() {
        fixture.given(started(invited(FRIEND)))
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-participant"));
    }

    @Test
    void theOwnerAlreadyTakesPart() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, OWNER.userId(), PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("userId", "not-participant"));
    }

    @Test
    void anInvitationNamesTheInvitee() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, " ", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("userId", "required"));
    }

    @Test
    void anInvitationIsMadeBySomeone() {
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void noOneIsInvitedIntoAnEndedStory() {
        fixture.given(started(new StoryEnded(STORY_ID, OWNER.userId())))
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "active"));
    }

    @Test
    void noOneIsInvitedOnceTheWorldIsArchived() {
        worlds.record(WORLD_ID, new WorldArchived(WORLD_ID, WORLD_OWNER.userId()));
        fixture.given(started())
                .when(new InviteParticipant(STORY_ID, FRIEND.userId(), OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("worldId", "not-archived"));
    }

    @Test
    void anInvitedParticipantActsAndTheActionIsTheirs() {
        fixture.given(afterOneTurn(invited(FRIEND)))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I dive after the bell.", FRIEND))
                .expectEvents(new PlayerActionSubmitted(STORY_ID, WORLD_ID, "a2", FRIEND.userId(), "I dive after the bell."));
    }

    @Test
    void participantsTakeTurnsWithTheNarrator() {
        fixture.given(afterOneTurn(invited(FRIEND), acted(FRIEND, "a2", "I dive."), narrated("a2", "n2", "Cold.")))
                .when(new SubmitPlayerAction(STORY_ID, "a3", "I follow Bruno.", OWNER))
                .expectEvents(acted("a3", "I follow Bruno."));
    }

    @Test
    void oneParticipantWaitsForTheNarrationOfAnothersAction() {
        fixture.given(afterOneTurn(invited(FRIEND), acted(FRIEND, "a2", "I dive.")))
                .when(new SubmitPlayerAction(STORY_ID, "a3", "I follow.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void theNarrationOfAnInvitedParticipantsActionIsRecordedForTheirAction() {
        fixture.given(afterOneTurn(invited(FRIEND), acted(FRIEND, "a2", "I dive.")))
                .when(new RecordNarration(STORY_ID, "a2", "n2", "The water is cold.", PROVENANCE))
                .expectEvents(narrated("a2", "n2", "The water is cold."));
    }

    @Test
    void anInvitedParticipantMayNotEndTheStory() {
        fixture.given(started(invited(FRIEND)))
                .when(new EndStory(STORY_ID, FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-owner"));
    }

    @Test
    void aWorldMemberWhoWasNotInvitedMayNotAct() {
        fixture.given(afterOneTurn())
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I butt in.", FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }
}
