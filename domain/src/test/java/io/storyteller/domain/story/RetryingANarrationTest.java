package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PROVENANCE;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.failed;
import static io.storyteller.domain.story.StoryExamples.invited;
import static io.storyteller.domain.story.StoryExamples.narrated;
import static io.storyteller.domain.story.StoryExamples.renarrated;
import static io.storyteller.domain.story.StoryExamples.retryRequested;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry stack: another narration of the last action, as an alternative or afresh. */
class RetryingANarrationTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    @Test
    void aRetryAsksForAnotherNarrationOfTheLastBeat() {
        fixture.given(afterOneTurn())
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectEvents(retryRequested("r1", "a1", "n1"));
    }

    @Test
    void anInvitedParticipantMayRetry() {
        fixture.given(afterOneTurn(invited(FRIEND)))
                .when(new RetryNarration(STORY_ID, "r1", FRIEND))
                .expectEvents(new NarrationRetryRequested(STORY_ID, WORLD_ID, "r1", "a1", "n1", FRIEND.userId()));
    }

    @Test
    void aRetriedNarrationIsAddedAsTheNextAlternative() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1")))
                .when(new RecordNarration(STORY_ID, "r1", "ignored", "The sea sighs.", PROVENANCE))
                .expectEvents(renarrated("r1", "a1", "n1", 1, "The sea sighs."));
    }

    @Test
    void alternativesAreNumberedInTheOrderTheyArrive() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1"), renarrated("r1", "a1", "n1", 1, "The sea sighs."),
                        retryRequested("r2", "a1", "n1")))
                .when(new RecordNarration(STORY_ID, "r2", null, "The sea is silent.", PROVENANCE))
                .expectEvents(renarrated("r2", "a1", "n1", 2, "The sea is silent."));
    }

    @Test
    void aFailedRetryLeavesTheNarrationToRetryAgain() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1"), failed("r1", "a1")))
                .when(new RetryNarration(STORY_ID, "r2", OWNER))
                .expectEvents(retryRequested("r2", "a1", "n1"));
    }

    @Test
    void afterAFailureARetryNarratesTheActionAfresh() {
        fixture.given(started(acted("a1", "I ring the bell."), failed("a1", "a1")))
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectEvents(retryRequested("r1", "a1", null));
    }

    @Test
    void theFreshNarrationOfAFailedActionBecomesANewBeat() {
        fixture.given(started(acted("a1", "I ring the bell."), failed("a1", "a1"), retryRequested("r1", "a1", null)))
                .when(new RecordNarration(STORY_ID, "r1", "n1", "The sea answers.", PROVENANCE))
                .expectEvents(renarrated("r1", "a1", "n1", 0, "The sea answers."));
    }

    @Test
    void afterErasingANarrationARetryNarratesItsActionAfresh() {
        fixture.given(afterOneTurn(new BeatsErased(STORY_ID, List.of("n1"), OWNER.userId())))
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectEvents(retryRequested("r1", "a1", null));
    }

    @Test
    void thereIsNothingToRetryBeforeTheFirstAction() {
        fixture.given(started())
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "has-beats"));
    }

    @Test
    void thereIsNothingToRetryOnceEveryBeatIsErased() {
        fixture.given(afterOneTurn(new BeatsErased(STORY_ID, List.of("a1", "n1"), OWNER.userId())))
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "has-beats"));
    }

    @Test
    void aPlayerCannotRetryWhileANarrationIsPending() {
        fixture.given(afterOneTurn(acted("a2", "I listen.")))
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void aPlayerCannotRetryWhileARetryIsPending() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1")))
                .when(new RetryNarration(STORY_ID, "r2", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void aRetryNeedsARequestId() {
        fixture.given(afterOneTurn())
                .when(new RetryNarration(STORY_ID, "", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("requestId", "required"));
    }

    @Test
    void onlyParticipantsRetry() {
        fixture.given(afterOneTurn())
                .when(new RetryNarration(STORY_ID, "r1", OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void theRetriedAlternativeIsTheSelectedOne() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1"), renarrated("r1", "a1", "n1", 1, "The sea sighs.")))
                .when(new SelectNarrationAlternative(STORY_ID, "n1", 1, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewActionFollowsTheRetriedNarration() {
        fixture.given(afterOneTurn(retryRequested("r1", "a1", "n1"), renarrated("r1", "a1", "n1", 1, "The sea sighs.")))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I sigh back.", OWNER))
                .expectEvents(acted("a2", "I sigh back."));
    }

    @Test
    void theLastNarrationIsTheOneRetried() {
        fixture.given(afterOneTurn(acted("a2", "I listen."), narrated("a2", "n2", "Silence.")))
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectEvents(retryRequested("r1", "a2", "n2"));
    }
}
