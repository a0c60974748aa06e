package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PROVENANCE;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.narrated;
import static io.storyteller.domain.story.StoryExamples.renarrated;
import static io.storyteller.domain.story.StoryExamples.retryRequested;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A story of many turns decides about its old beats as about its new ones, although it keeps only
 * fingerprints of their texts and only its latest narration requests.
 */
class LongStoryTest {

    private static final int TURNS = 300;
    private static final NarrationProvenance SHADOW = PROVENANCE.routed("narrator:global", NarrationArm.SHADOW, "r-1", 0);

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        AggregateTestFixture<Story> story = new AggregateTestFixture<>(Story.class);
        story.registerAnnotatedCommandHandler(new BeatModeration(StoryExamples.worlds().repository(), story.getRepository()));
        fixture = story;
    }

    /** s1 after {@link #TURNS} turns: action a{i} narrated as n{i}, "Action i." and "Narration i.". */
    private static List<Object> afterManyTurns(Object... more) {
        List<Object> events = started();
        for (int i = 1; i <= TURNS; i++) {
            events.add(acted("a" + i, "Action " + i + "."));
            events.add(narrated("a" + i, "n" + i, "Narration " + i + "."));
        }
        events.addAll(List.of(more));
        return events;
    }

    @Test
    void anEditOfAnOldBeatToItsOwnTextChangesNothing() {
        fixture.given(afterManyTurns())
                .when(new EditBeat(STORY_ID, "n2", "Narration 2.", OWNER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anEditOfAnOldBeatIsRecorded() {
        fixture.given(afterManyTurns())
                .when(new EditBeat(STORY_ID, "n2", "Narration 2, retold.", OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "n2", null, "Narration 2, retold.", OWNER.userId()));
    }

    @Test
    void anEditToTheTextOfTheLastEditChangesNothingAndBackToTheOriginalIsAnEdit() {
        BeatEdited edited = new BeatEdited(STORY_ID, "a7", null, "Action 7, retold.", OWNER.userId());
        fixture.given(afterManyTurns(edited))
                .when(new EditBeat(STORY_ID, "a7", "Action 7, retold.", OWNER))
                .expectNoEvents();
        fixture.given(afterManyTurns(edited))
                .when(new EditBeat(STORY_ID, "a7", "Action 7.", OWNER))
                .expectEvents(new BeatEdited(STORY_ID, "a7", null, "Action 7.", OWNER.userId()));
    }

    @Test
    void anEditStoredWithItsOriginalTextStillSetsTheBeatsText() {
        fixture.given(afterManyTurns(new BeatEdited(STORY_ID, "n5", "Narration 5.", "Narration 5, retold.", OWNER.userId())))
                .when(new EditBeat(STORY_ID, "n5", "Narration 5, retold.", OWNER))
                .expectNoEvents();
    }

    @Test
    void eachAlternativeKeepsItsOwnText() {
        fixture.given(afterManyTurns(retryRequested("r1", "a" + TURNS, "n" + TURNS),
                        renarrated("r1", "a" + TURNS, "n" + TURNS, 1, "Narration retold."),
                        new NarrationAlternativeSelected(STORY_ID, "n" + TURNS, 0, OWNER.userId())))
                .when(new EditBeat(STORY_ID, "n" + TURNS, "Narration " + TURNS + ".", OWNER))
                .expectNoEvents();
    }

    @Test
    void aModeratorFlagsTheFirstBeatOfALongStory() {
        fixture.given(afterManyTurns())
                .when(new FlagBeat(STORY_ID, "a1", List.of(HarmCategory.VIOLENCE), 1, false, WORLD_OWNER))
                .expectEvents(new BeatFlagged(STORY_ID, WORLD_ID, "a1", BeatKind.PLAYER_ACTION, null,
                        List.of(HarmCategory.VIOLENCE), 1, false, WORLD_OWNER.userId()));
    }

    @Test
    void aRetryAfterManyTurnsRetriesTheLastNarration() {
        fixture.given(afterManyTurns())
                .when(new RetryNarration(STORY_ID, "r1", OWNER))
                .expectEvents(new NarrationRetryRequested(STORY_ID, WORLD_ID, "r1", "a" + TURNS, "n" + TURNS,
                        OWNER.userId()));
    }

    @Test
    void theThirdAlternativeOfAnOldNarrationIsNumberedAfterTheOtherTwo() {
        String last = String.valueOf(TURNS);
        fixture.given(afterManyTurns(retryRequested("r1", "a" + last, "n" + last),
                        renarrated("r1", "a" + last, "n" + last, 1, "Second."),
                        retryRequested("r2", "a" + last, "n" + last)))
                .when(new RecordNarration(STORY_ID, "r2", null, "Third.", PROVENANCE))
                .expectEvents(renarrated("r2", "a" + last, "n" + last, 2, "Third."));
    }

    @Test
    void theIdOfABeatFromLongAgoIsNotUsedAgain() {
        fixture.given(afterManyTurns())
                .when(new SubmitPlayerAction(STORY_ID, "n1", "Again.", OWNER))
                .expectException(Rejected.conflict("actionBeatId", "unique"));
    }

    @Test
    void theIdOfAnErasedBeatIsNotUsedAgain() {
        fixture.given(afterManyTurns(new BeatsErased(STORY_ID, List.of("a" + TURNS, "n" + TURNS), OWNER.userId())))
                .when(new SubmitPlayerAction(STORY_ID, "n" + TURNS, "Again.", OWNER))
                .expectException(Rejected.conflict("actionBeatId", "unique"));
    }

    @Test
    void anOldBeatReadAgainWithTheSameOutcomeRecordsNothing() {
        StoryFact sunk = new StoryFact("destroyed-place", "the Bell Tower", "standing", "destroyed", 4, "Narration 2.");
        fixture.given(afterManyTurns(new StoryFactsRecorded(STORY_ID, "n2", List.of(sunk)),
                        new StoryFactsRecorded(STORY_ID, "a3", List.of())))
                .when(new RecordStoryFacts(STORY_ID, "n2", List.of(sunk), Actor.system()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(afterManyTurns(new StoryFactsRecorded(STORY_ID, "a3", List.of())))
                .when(new RecordStoryFacts(STORY_ID, "a3", List.of(), Actor.system()))
                .expectNoEvents();
    }

    @Test
    void anOldBeatReadAnewIsRecorded() {
        StoryFact sunk = new StoryFact("destroyed-place", "the Bell Tower", "standing", "destroyed", 4, "Narration 2.");
        StoryFact rebuilt = new StoryFact("destroyed-place", "the Bell Tower", "standing", "rebuilt", 4, "Narration 2, retold.");
        fixture.given(afterManyTurns(new StoryFactsRecorded(STORY_ID, "n2", List.of(sunk)),
                        new BeatEdited(STORY_ID, "n2", null, "Narration 2, retold.", OWNER.userId())))
                .when(new RecordStoryFacts(STORY_ID, "n2", List.of(rebuilt), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n2", List.of(rebuilt)));
        fixture.given(afterManyTurns())
                .when(new RecordStoryFacts(STORY_ID, "n2", List.of(), Actor.system()))
                .expectEvents(new StoryFactsRecorded(STORY_ID, "n2", List.of()));
    }

    /** Ids as the platform makes them: a client's UUID for an action, the engine's for its narration. */
    @Test
    void aStoryPlayedWithThePlatformsIdsDecidesOnThemAsOnAnyOthers() {
        List<Object> events = started();
        for (int i = 1; i <= 40; i++) {
            String action = new UUID(i, i).toString();
            events.add(acted(action, "Action " + i + "."));
            events.add(narrated(action, RecordNarration.beatIdFor(STORY_ID, action), "Narration " + i + "."));
        }
        String lastAction = new UUID(40, 40).toString();
        String lastNarration = RecordNarration.beatIdFor(STORY_ID, lastAction);
        fixture.given(events)
                .when(new EraseBeats(STORY_ID, lastAction, OWNER))
                .expectEvents(new BeatsErased(STORY_ID, List.of(lastAction, lastNarration), OWNER.userId()));
        fixture.given(events)
                .when(new SubmitPlayerAction(STORY_ID, RecordNarration.beatIdFor(STORY_ID, new UUID(3, 3).toString()),
                        "Again.", OWNER))
                .expectException(Rejected.conflict("actionBeatId", "unique"));
    }

    @Test
    void aLateShadowAnswerToOneOfTheLatestRequestsIsRecorded() {
        String request = "a" + (TURNS - RecentNarrationRequests.KEPT + 1);
        fixture.given(afterManyTurns())
                .when(new RecordShadowNarration(STORY_ID, request, "Late.", null, SHADOW))
                .expectEvents(new ShadowNarrationRecorded(STORY_ID, WORLD_ID, request, request, "Late.", null, SHADOW));
    }

    @Test
    void aShadowAnswerOlderThanTheLatestRequestsIsRefused() {
        String request = "a" + (TURNS - RecentNarrationRequests.KEPT);
        fixture.given(afterManyTurns())
                .when(new RecordShadowNarration(STORY_ID, request, "Far too late.", null, SHADOW))
                .expectNoEvents()
                .expectException(Rejected.notFound("requestId"));
    }
}
