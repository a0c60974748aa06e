package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.failed;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlayerActionTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    @Test
    void theOwnerActsAndANarrationBecomesPending() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "  I ring the bell. ", OWNER))
                .expectEvents(acted("a1", "I ring the bell."));
    }

    @Test
    void aPlayerActsAgainOnceTheNarratorHasAnswered() {
        fixture.given(afterOneTurn())
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I listen.", OWNER))
                .expectEvents(acted("a2", "I listen."));
    }

    @Test
    void aPlayerCannotActWhileANarrationIsPending() {
        fixture.given(started(acted("a1", "I ring the bell.")))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I ring it again.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void aFailedNarrationNoLongerHoldsThePlayerBack() {
        fixture.given(started(acted("a1", "I ring the bell."), failed("a1", "a1")))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I ring it again.", OWNER))
                .expectEvents(acted("a2", "I ring it again."));
    }

    @Test
    void onlyParticipantsAct() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "I sneak in.", OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void aMemberOfTheWorldWhoWasNotInvitedDoesNotAct() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "I join.", FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void aPlatformAdminDoesNotPlayInOthersStories() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "I take over.", PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void anActionIsTakenBySomeone() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "I ring the bell.", null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    @Test
    void noOneActsInAnEndedStory() {
        fixture.given(afterOneTurn(new StoryEnded(STORY_ID, OWNER.userId())))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "One more thing.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "active"));
    }

    @Test
    void anActionHasText() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", " \n ", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "required"));
    }

    @Test
    void anActionHoldsAtMost2000Characters() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "x".repeat(2001), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "max-length:2000"));
    }

    @Test
    void anActionOf2000CharactersIsAccepted() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a1", "x".repeat(2000), OWNER))
                .expectEvents(acted("a1", "x".repeat(2000)));
    }

    @Test
    void anActionNeedsABeatId() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, null, "I ring the bell.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("actionBeatId", "required"));
    }

    @Test
    void aBeatIdIsShapedLikeAnId() {
        fixture.given(started())
                .when(new SubmitPlayerAction(STORY_ID, "a".repeat(201), "I ring the bell.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("actionBeatId", "id-shape"));
    }

    @Test
    void anActionCannotReuseTheIdOfABeat() {
        fixture.given(afterOneTurn())
                .when(new SubmitPlayerAction(STORY_ID, "n1", "I ring the bell.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("actionBeatId", "unique"));
    }
}
