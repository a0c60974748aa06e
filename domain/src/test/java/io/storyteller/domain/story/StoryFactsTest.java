package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.fixture;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

class StoryFactsTest {

    private final FixtureConfiguration<Story> fixture = fixture();

    private static final StoryFact BELL_SUNK = new StoryFact("destroyed-place", "the Bell Tower", "standing", "destroyed", 2,
            "The sea answers: the Bell Tower sinks.");
    private static final StoryFact RING_GIVEN = new StoryFact("possession", "player", "has ring", "parted", 1,
            "I give my ring to the sea.");

    @Test
    void thePlatformRecordsTheFactsItReadsInABeat() {
        fixture.given(afterOneTurn())
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(BELL_SUNK), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n1", List.of(BELL_SUNK)));
    }

    @Test
    void onlyThePlatformRecordsFacts() {
        fixture.given(afterOneTurn())
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(BELL_SUNK), OWNER))
                .expectException(Rejected.forbidden("platform"));
    }

    @Test
    void aFactOfAnUnknownKindIsRefusedNamingTheFieldAndRule() {
        StoryFact odd = new StoryFact("weather", "sky", "colour", "green", 1, null);
        fixture.given(afterOneTurn())
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(odd), Actor.system()))
                .expectException(Rejected.invalid("facts[0].kind", "continuity-kind"));
    }

    @Test
    void aPlayerPinsAFact() {
        fixture.given(afterOneTurn())
                .when(new PinStoryFact(STORY_ID, RING_GIVEN, OWNER))
                .expectEvents(new StoryFactPinned(STORY_ID, RING_GIVEN.key(), RING_GIVEN, OWNER.userId()));
    }

    @Test
    void theWorldsOwnerCorrectsAFactOfAStoryTheyDoNotPlay() {
        fixture.given(afterOneTurn(new StoryFactsRecorded(STORY_ID, "n1", List.of(BELL_SUNK))))
                .when(new CorrectStoryFact(STORY_ID, BELL_SUNK.key(), "standing", WORLD_OWNER))
                .expectEvents(new StoryFactCorrected(STORY_ID, BELL_SUNK.key(), "destroyed", "standing", WORLD_OWNER.userId()));
    }

    @Test
    void aPlatformAdminMayCurateToo() {
        fixture.given(afterOneTurn())
                .when(new PinStoryFact(STORY_ID, RING_GIVEN, PLATFORM_ADMIN))
                .expectEvents(new StoryFactPinned(STORY_ID, RING_GIVEN.key(), RING_GIVEN, PLATFORM_ADMIN.userId()));
    }

    @Test
    void aMemberOfTheWorldWhoDoesNotPlayTheStoryMayNotCurateIt() {
        fixture.given(afterOneTurn())
                .when(new PinStoryFact(STORY_ID, RING_GIVEN, FRIEND))
                .expectException(Rejected.forbidden("story-participant-or-world-admin"));
        fixture.given(afterOneTurn())
                .when(new PinStoryFact(STORY_ID, RING_GIVEN, OUTSIDER))
                .expectException(Rejected.forbidden("story-participant-or-world-admin"));
    }

    @Test
    void correctingAFactTheStoryDoesNotHoldIsNotFound() {
        fixture.given(afterOneTurn())
                .when(new CorrectStoryFact(STORY_ID, "death/nobody/alive", "dead", OWNER))
                .expectException(Rejected.notFound("factKey"));
    }

    @Test
    void whatAPersonPinnedOrCorrectedIsNotReplacedByTheEnginesLaterReading() {
        StoryFact reread = new StoryFact("destroyed-place", "the Bell Tower", "standing", "destroyed", 4, "It sank.");
        fixture.given(afterTwoTurns(new StoryFactsRecorded(STORY_ID, "n1", List.of(BELL_SUNK)),
                        new StoryFactCorrected(STORY_ID, BELL_SUNK.key(), "destroyed", "standing", OWNER.userId())))
                .when(new RecordStoryFacts(STORY_ID, "n2", List.of(reread, RING_GIVEN), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n2", List.of(RING_GIVEN)));
    }

    @Test
    void aBeatsFirstReadingIsRecordedEvenWhenItFoundNothingAndOnlyOnce() {
        fixture.given(afterOneTurn())
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n1", List.of()));
        fixture.given(afterOneTurn(new StoryFactsRecorded(STORY_ID, "n1", List.of())))
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(), Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBeatReadAgainWithTheSameOutcomeRecordsNothing() {
        fixture.given(afterOneTurn(new StoryFactsRecorded(STORY_ID, "n1", List.of(BELL_SUNK))))
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(BELL_SUNK), Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBeatReadAgainAfterAnEditRecordsItsNewReadingWhichReplacesTheOld() {
        StoryFact bellStands = new StoryFact("physical-state", "the Bell Tower", "lit", "burning", 2, "The Bell Tower burns.");
        fixture.given(afterOneTurn(new StoryFactsRecorded(STORY_ID, "n1", List.of(BELL_SUNK)),
                        new BeatEdited(STORY_ID, "n1", "The sea answers.", "The Bell Tower burns.", OWNER.userId())))
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(bellStands), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n1", List.of(bellStands)));
    }

    @Test
    void aReadingOfABeatErasedSinceRecordsNothing() {
        fixture.given(afterOneTurn(new BeatsErased(STORY_ID, List.of("a1", "n1"), OWNER.userId())))
                .when(new RecordStoryFacts(STORY_ID, "n1", List.of(BELL_SUNK), Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The story keeps a pinned fact's evidence only as a fingerprint; a pin with other evidence still changes the fact. */
    @Test
    void theSameFactPinnedAgainWithOtherEvidenceIsRecorded() {
        StoryFact otherEvidence = new StoryFact(RING_GIVEN.kind(), RING_GIVEN.entity(), RING_GIVEN.attribute(),
                RING_GIVEN.value(), RING_GIVEN.sinceBeat(), "I throw my ring into the sea.");
        fixture.given(afterOneTurn(new StoryFactPinned(STORY_ID, RING_GIVEN.key(), RING_GIVEN, OWNER.userId())))
                .when(new PinStoryFact(STORY_ID, otherEvidence, OWNER))
                .expectEvents(new StoryFactPinned(STORY_ID, RING_GIVEN.key(), otherEvidence, OWNER.userId()));
    }

    @Test
    void theSameFactPinnedTwiceIsRecordedOnce() {
        fixture.given(afterOneTurn(new StoryFactPinned(STORY_ID, RING_GIVEN.key(), RING_GIVEN, OWNER.userId())))
                .when(new PinStoryFact(STORY_ID, RING_GIVEN, OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void tooManyFactsInOneBeatAreRefusedNamingTheBound() {
        List<StoryFact> many = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> new StoryFact("count", "coins " + i, "count", "1", 2, "")).toList();
        fixture.given(afterOneTurn())
                .when(new RecordStoryFacts(STORY_ID, "n1", many, Actor.system()))
                .expectException(Rejected.invalid("facts", "max-count:100"));
    }

    private static List<Object> afterTwoTurns(Object... more) {
        List<Object> events = afterOneTurn(StoryExamples.acted("a2", "I climb the tower."),
                StoryExamples.narrated("a2", "n2", "The stairs are wet."));
        events.addAll(List.of(more));
        return events;
    }
}
