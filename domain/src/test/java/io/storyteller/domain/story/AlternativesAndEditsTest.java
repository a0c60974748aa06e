package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.invited;
import static io.storyteller.domain.story.StoryExamples.renarrated;
import static io.storyteller.domain.story.StoryExamples.retryRequested;

import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing among a narration's alternatives, and rewriting beats by hand. */
class AlternativesAndEditsTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    /** n1 has two alternatives, "The sea answers." and (selected) "The sea sighs.". */
    private static List<Object> withTwoAlternatives(Object... more) {
        List<Object> events = afterOneTurn(retryRequested("r1", "a1", "n1"),
                renarrated("r1", "a1", "n1", 1, "The sea sighs."));
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void aParticipantSelectsAnEarlierAlternative() {
        fixture.given(withTwoAlternatives())
                .when(new SelectNarrationAlternative(STORY_ID, "n1", 0, OWNER))
                .expectEvents(new NarrationAlternativeSelected(STORY_ID, "n1", 0, OWNER.userId()));
    }

    @Test
    void selectingTheSelectedAlternativeChangesNothing() {
        fixture.given(withTwoAlternatives(new NarrationAlternativeSelected(STORY_ID, "n1", 0, OWNER.userId())))
                .when(new SelectNarrationAlternative(STORY_ID, "n1", 0, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2})
    void anAlternativeIsSelectedWithinRange(int index) {
        fixture.given(withTwoAlternatives())
                .when(new SelectNarrationAlternative(STORY_ID, "n1", index, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("alternativeIndex", "range:0..1"));
    }

    @Test
    void onlyNarrationsHaveAlternatives() {
        fixture.given(withTwoAlternatives())
                .when(new SelectNarrationAlternative(STORY_ID, "a1", 0, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("beatId", "narration-beat"));
    }

    @Test
    void anAlternativeOfAnUnknownBeatCannotBeSelected() {
        fixture.given(withTwoAlternatives())
                .when(new SelectNarrationAlternative(STORY_ID, "n9", 0, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("beatId"));
    }

    @Test
    void noAlternativeIsSelectedWhileANarrationIsPending() {
        fixture.given(withTwoAlternatives(acted("a2", "I listen.")))
                .when(new SelectNarrationAlternative(STORY_ID, "n1", 0, OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void onlyParticipantsSelectAlternatives() {
        fixture.given(withTwoAlternatives())
                .when(new SelectNarrationAlternative(STORY_ID, "n1", 0, OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void anEditRecordsTheNewTextAndLeavesTheOriginalToTheBeatsOwnEvents() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", " The sea roars. ", OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "n1", null, "The sea roars.", OWNER.userId()));
    }

    @Test
    void anEditOfTheSameTextChangesNothing() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", "  The sea answers.  ", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEditRewritesTheSelectedAlternative() {
        fixture.given(withTwoAlternatives(new NarrationAlternativeSelected(STORY_ID, "n1", 0, OWNER.userId())))
                .when(new EditBeat(STORY_ID, "n1", "The sea roars.", OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "n1", null, "The sea roars.", OWNER.userId()));
    }

    @Test
    void aSecondEditStartsFromTheFirst() {
        fixture.given(afterOneTurn(new BeatEdited(STORY_ID, "n1", "The sea answers.", "The sea roars.", OWNER.userId())))
                .when(new EditBeat(STORY_ID, "n1", "The sea howls.", OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "n1", null, "The sea howls.", OWNER.userId()));
    }

    @Test
    void anInvitedParticipantEditsAPlayersAction() {
        fixture.given(afterOneTurn(invited(FRIEND)))
                .when(new EditBeat(STORY_ID, "a1", "I ring the bell twice.", FRIEND))
                .expectEvents(new BeatEdited(STORY_ID, "a1", null, "I ring the bell twice.", FRIEND.userId()));
    }

    @Test
    void anEditedActionHoldsAtMost2000Characters() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "a1", "x".repeat(2001), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "max-length:2000"));
    }

    @Test
    void anEditedNarrationHoldsUpTo8000Characters() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", "x".repeat(8000), OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "n1", null, "x".repeat(8000), OWNER.userId()));
    }

    @Test
    void anEditedNarrationHoldsAtMost8000Characters() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", "x".repeat(8001), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "max-length:8000"));
    }

    @Test
    void aBeatIsNotEditedToNothing() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", " ", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("text", "required"));
    }

    @Test
    void anUnknownBeatCannotBeEdited() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n9", "The sea roars.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("beatId"));
    }

    @Test
    void anErasedBeatCannotBeEdited() {
        fixture.given(afterOneTurn(new BeatsErased(STORY_ID, List.of("n1"), OWNER.userId())))
                .when(new EditBeat(STORY_ID, "n1", "The sea roars.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("beatId"));
    }

    @Test
    void noBeatIsEditedWhileANarrationIsPending() {
        fixture.given(afterOneTurn(acted("a2", "I listen.")))
                .when(new EditBeat(STORY_ID, "n1", "The sea roars.", OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "no-pending-narration"));
    }

    @Test
    void onlyParticipantsEditBeats() {
        fixture.given(afterOneTurn())
                .when(new EditBeat(STORY_ID, "n1", "The sea roars.", FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }
}
