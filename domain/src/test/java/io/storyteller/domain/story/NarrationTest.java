package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PROVENANCE;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.narrated;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The narration engine answering a pending action, with a narration or a failure. */
class NarrationTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    private static List<Object> awaitingNarration() {
        return started(acted("a1", "I ring the bell."));
    }

    @Test
    void aFreshNarrationBecomesANewBeat() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", "n1", " The sea answers. ", PROVENANCE))
                .expectEvents(narrated("a1", "n1", "The sea answers."));
    }

    @Test
    void aNarrationAnswersThePendingRequestOnly() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a0", "n1", "The sea answers.", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.conflict("requestId", "pending"));
    }

    @Test
    void aNarrationIsRecordedOnce() {
        fixture.given(afterOneTurn())
                .when(new RecordNarration(STORY_ID, "a1", "n2", "The sea answers again.", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.conflict("requestId", "pending"));
    }

    @Test
    void aNarrationNamesItsRequest() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, null, "n1", "The sea answers.", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.conflict("requestId", "pending"));
    }

    @Test
    void aNarrationCarriesItsProvenance() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", "n1", "The sea answers.", null))
                .expectNoEvents()
                .expectException(Rejected.invalid("provenance", "required"));
    }

    @Test
    void aNarrationHasText() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", "n1", "", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "required"));
    }

    @Test
    void aNarrationHoldsAtMost8000Characters() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", "n1", "x".repeat(8001), PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "max-length:8000"));
    }

    @Test
    void aFreshNarrationNeedsABeatId() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", " ", "The sea answers.", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.invalid("narrationBeatId", "required"));
    }

    @Test
    void aFreshNarrationCannotReuseTheIdOfABeat() {
        fixture.given(awaitingNarration())
                .when(new RecordNarration(STORY_ID, "a1", "a1", "The sea answers.", PROVENANCE))
                .expectNoEvents()
                .expectException(Rejected.conflict("narrationBeatId", "unique"));
    }

    @Test
    void aNarrationStillPendingWhenTheStoryEndsIsRecorded() {
        fixture.given(started(acted("a1", "I ring the bell."), new StoryEnded(STORY_ID, OWNER.userId())))
                .when(new RecordNarration(STORY_ID, "a1", "n1", "The sea answers.", PROVENANCE))
                .expectEvents(narrated("a1", "n1", "The sea answers."));
    }

    @Test
    void aFailedNarrationIsRecordedWithItsReason() {
        fixture.given(awaitingNarration())
                .when(new RecordNarrationFailure(STORY_ID, "a1", " narrator timed out ", " narrator-large "))
                .expectEvents(new NarrationFailed(STORY_ID, "a1", "a1", "narrator timed out", "narrator-large"));
    }

    @Test
    void aFailureNeedNotNameAModel() {
        fixture.given(awaitingNarration())
                .when(new RecordNarrationFailure(STORY_ID, "a1", "no narrator deployed", null))
                .expectEvents(new NarrationFailed(STORY_ID, "a1", "a1", "no narrator deployed", ""));
    }

    @Test
    void aFailureHasAReason() {
        fixture.given(awaitingNarration())
                .when(new RecordNarrationFailure(STORY_ID, "a1", " ", "narrator-large"))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aFailureAnswersThePendingRequestOnly() {
        fixture.given(afterOneTurn())
                .when(new RecordNarrationFailure(STORY_ID, "a1", "narrator timed out", "narrator-large"))
                .expectNoEvents()
                .expectException(Rejected.conflict("requestId", "pending"));
    }
}
