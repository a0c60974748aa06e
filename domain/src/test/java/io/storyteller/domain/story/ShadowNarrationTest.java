package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.PROVENANCE;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShadowNarrationTest {

    private static final NarrationProvenance SHADOW = PROVENANCE.routed("narrator:global", NarrationArm.SHADOW, "r-1", 0);

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    @Test
    void aShadowAnswerIsRecordedBesideThePendingNarrationWithoutAnsweringIt() {
        fixture.given(started(acted("a1", "I light the lantern.")))
                .when(new RecordShadowNarration(STORY_ID, "a1", "The flame leans east.", null, SHADOW))
                .expectEvents(new ShadowNarrationRecorded(STORY_ID, WORLD_ID, "a1", "a1", "The flame leans east.", null, SHADOW));
    }

    @Test
    void aShadowAnswerMayArriveAfterTheRealNarration() {
        fixture.given(afterOneTurn())
                .when(new RecordShadowNarration(STORY_ID, "a1", "Late, but recorded.", null, SHADOW))
                .expectEvents(new ShadowNarrationRecorded(STORY_ID, WORLD_ID, "a1", "a1", "Late, but recorded.", null, SHADOW));
    }

    @Test
    void aShadowFailureIsRecordedWithItsReasonAndNoText() {
        fixture.given(started(acted("a1", "I light the lantern.")))
                .when(new RecordShadowNarration(STORY_ID, "a1", "ignored", "narrator timed out after 60 s", SHADOW))
                .expectEvents(new ShadowNarrationRecorded(STORY_ID, WORLD_ID, "a1", "a1", null,
                        "narrator timed out after 60 s", SHADOW));
    }

    @Test
    void aShadowAnswerToARequestThisStoryNeverMadeIsRejected() {
        fixture.given(afterOneTurn())
                .when(new RecordShadowNarration(STORY_ID, "nope", "text", null, SHADOW))
                .expectNoEvents()
                .expectException(Rejected.notFound("requestId"));
    }

    @Test
    void onlyTheShadowArmRecordsShadowAnswers() {
        fixture.given(afterOneTurn())
                .when(new RecordShadowNarration(STORY_ID, "a1", "text", null,
                        PROVENANCE.routed("narrator:global", NarrationArm.CANARY, "r-1", 1)))
                .expectNoEvents()
                .expectException(Rejected.invalid("provenance.arm", "shadow"));
    }

    @Test
    void aShadowAnswerNeedsTextOrAReason() {
        fixture.given(afterOneTurn())
                .when(new RecordShadowNarration(STORY_ID, "a1", " ", null, SHADOW))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "required"));
    }

    @Test
    void aFailureCarriesTheRouteThatLedToIt() {
        NarrationRoute route = new NarrationRoute("narrator:global", NarrationArm.CANARY, "r-1", 2);
        fixture.given(started(acted("a1", "I light the lantern.")))
                .when(new RecordNarrationFailure(STORY_ID, "a1", "provider answered 500", "m", route))
                .expectEvents(new NarrationFailed(STORY_ID, "a1", "a1", "provider answered 500", "m", route));
    }
}
