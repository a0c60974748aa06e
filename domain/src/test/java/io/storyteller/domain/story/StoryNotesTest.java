package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.invited;
import static io.storyteller.domain.story.StoryExamples.started;

import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The author's note and the pinned memory that steer the narrator. */
class StoryNotesTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    @Test
    void aParticipantSetsTheAuthorsNote() {
        fixture.given(started())
                .when(new SetAuthorsNote(STORY_ID, "  Keep it eerie. ", OWNER))
                .expectEvents(new AuthorsNoteSet(STORY_ID, "Keep it eerie.", OWNER.userId()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void anEmptyAuthorsNoteClearsIt(String note) {
        fixture.given(started())
                .when(new SetAuthorsNote(STORY_ID, note, OWNER))
                .expectEvents(new AuthorsNoteSet(STORY_ID, "", OWNER.userId()));
    }

    @Test
    void anAuthorsNoteHoldsUpTo1000Characters() {
        fixture.given(started())
                .when(new SetAuthorsNote(STORY_ID, "n".repeat(1000), OWNER))
                .expectEvents(new AuthorsNoteSet(STORY_ID, "n".repeat(1000), OWNER.userId()));
    }

    @Test
    void anAuthorsNoteHoldsAtMost1000Characters() {
        fixture.given(started())
                .when(new SetAuthorsNote(STORY_ID, "n".repeat(1001), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("note", "max-length:1000"));
    }

    @Test
    void theAuthorsNoteMayChangeWhileANarrationIsPending() {
        fixture.given(started(invited(FRIEND), acted("a1", "I ring the bell.")))
                .when(new SetAuthorsNote(STORY_ID, "Slow down.", FRIEND))
                .expectEvents(new AuthorsNoteSet(STORY_ID, "Slow down.", FRIEND.userId()));
    }

    @Test
    void onlyParticipantsSetTheAuthorsNote() {
        fixture.given(started())
                .when(new SetAuthorsNote(STORY_ID, "Make it funny.", OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }

    @Test
    void aParticipantPinsAMemory() {
        fixture.given(started())
                .when(new SetPinnedMemory(STORY_ID, " The bell is cursed.\n", OWNER))
                .expectEvents(new PinnedMemorySet(STORY_ID, "The bell is cursed.", OWNER.userId()));
    }

    @Test
    void anEmptyPinnedMemoryClearsIt() {
        fixture.given(started())
                .when(new SetPinnedMemory(STORY_ID, null, OWNER))
                .expectEvents(new PinnedMemorySet(STORY_ID, "", OWNER.userId()));
    }

    @Test
    void aPinnedMemoryHoldsUpTo4000Characters() {
        fixture.given(started())
                .when(new SetPinnedMemory(STORY_ID, "m".repeat(4000), OWNER))
                .expectEvents(new PinnedMemorySet(STORY_ID, "m".repeat(4000), OWNER.userId()));
    }

    @Test
    void aPinnedMemoryHoldsAtMost4000Characters() {
        fixture.given(started())
                .when(new SetPinnedMemory(STORY_ID, "m".repeat(4001), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("memory", "max-length:4000"));
    }

    @Test
    void onlyParticipantsPinMemories() {
        fixture.given(started())
                .when(new SetPinnedMemory(STORY_ID, "The bell is mine.", FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-participant"));
    }
}
