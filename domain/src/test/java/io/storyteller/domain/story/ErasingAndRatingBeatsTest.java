package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.invited;
import static io.storyteller.domain.story.StoryExamples.narrated;

import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErasingAndRatingBeatsTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    /** Two turns: a1 → n1, a2 → n2. */
    private static List<Object> afterTwoTurns(Object... more) {
        List<Object> events = afterOneTurn(acted("a2", "I dive."), narrated("a2", "n2", "Cold water."));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void erasingABeatErasesEveryBeatAfterIt() {
        fixture.given(afterTwoTurns())
                .when(new EraseBeats(STORY_ID, "n1", OWNER))
                .expectEvents(new BeatsErased(STORY_ID, List.of("n1", "a2", "n2"), OWNER.userId()));
    }

    @Test
    void erasingTheLastBeatErasesItAlone() {
        fixture.given(afterTwoTurns())
                .when(new EraseBeats(STORY_ID, "n2", OWNER))
                .expectEvents(new BeatsErased(STORY_ID, List.of("n2"), OWNER.userId()));
    }

    @Test
    void erasingTheFirstBeatErasesTheWholeStory() {
        fixture.given(afterTwoTurns(invited(FRIEND)))
                .when(new EraseBeats(STORY_ID, "a1", FRIEND))
                .expectEvents(new BeatsErased(STORY_ID, List.of("a1", "n1", "a2", "n2"), FRIEND.userId()));
    }

    @Test
    void theIdOfAnErasedBeatIsNotUsedAgain() {
        fixture.given(afterTwoTurns(new BeatsErased(STORY_ID, List.of("a2", "n2"), OWNER.userId())))
                .when(new SubmitPlayerAction(STORY_ID, "a2", "I climb the stairs instead.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("actionBeatId", "unique"));
    }

    @Test
    void erasedBeatsAreGone() {
        fixture.given(afterTwoTurns(new BeatsErased(STORY_ID, List.of("a2", "n2"), OWNER.userId())))
                .when(new EraseBeats(STORY_ID, "n2", OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("fromBeatId"));
    }

    @Test
    void theStoryGoesOnAfterAnErasure() {
        fixture.given(afterTwoTurns(new BeatsErased(STORY_ID, List.of("a2", "n2"), OWNER.userId())))
                .when(new SubmitPlayerAction(STORY_ID, "a3", "I stay ashore.", OWNER))
                .expectEvents(acted("a3", "I stay ashore."));
    }

    @Test
    void anUnknownBeatCannotBeErased() {
        fixture.given(afterTwoTurns())
                .when(new EraseBeats(STORY_ID, "n9", OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("fromBeatId"));
    }

    @Test
    void nothingIsErasedWhileANarrationIsPending() {
        fixture.given(afterTwoTurns(acted("a3", "I listen.")))
                .when(new EraseBeats(STORY_ID, "n1", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void onlyParticipantsErase() {
        fixture.given(afterTwoTurns())
                .when(new EraseBeats(STORY_ID, "n1", OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void aParticipantRatesANarrationFromOneToFive(int rating) {
        fixture.given(afterTwoTurns())
                .when(new RateBeat(STORY_ID, "n1", rating, OWNER))
                .expectEvents(new BeatRated(STORY_ID, "n1", rating, OWNER.userId()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, -1})
    void aRatingOutsideOneToFiveIsRejected(int rating) {
        fixture.given(afterTwoTurns())
                .when(new RateBeat(STORY_ID, "n1", rating, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("rating", "range:1..5"));
    }

    @Test
    void onlyNarrationsAreRated() {
        fixture.given(afterTwoTurns())
                .when(new RateBeat(STORY_ID, "a1", 4, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("beatId", "narration-beat"));
    }

    @Test
    void anUnknownBeatCannotBeRated() {
        fixture.given(afterTwoTurns())
                .when(new RateBeat(STORY_ID, "n9", 4, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("beatId"));
    }

    @Test
    void anEarlierNarrationMayBeRatedWhileTheNextIsPending() {
        fixture.given(afterTwoTurns(acted("a3", "I listen.")))
                .when(new RateBeat(STORY_ID, "n2", 2, OWNER))
                .expectEvents(new BeatRated(STORY_ID, "n2", 2, OWNER.userId()));
    }

    @Test
    void anInvitedParticipantRates() {
        fixture.given(afterTwoTurns(invited(FRIEND)))
                .when(new RateBeat(STORY_ID, "n2", 5, FRIEND))
                .expectEvents(new BeatRated(STORY_ID, "n2", 5, FRIEND.userId()));
    }

    @Test
    void onlyParticipantsRate() {
        fixture.given(afterTwoTurns())
                .when(new RateBeat(STORY_ID, "n1", 5, FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }
}
