package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.FRIEND;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;
import static io.storyteller.domain.story.StoryExamples.acted;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;
import static io.storyteller.domain.story.StoryExamples.invited;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EndingAStoryTest {

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        fixture = StoryExamples.fixture();
    }

    @Test
    void theOwnerEndsTheStory() {
        fixture.given(afterOneTurn())
                .when(new EndStory(STORY_ID, OWNER))
                .expectEvents(new StoryEnded(STORY_ID, OWNER.userId()));
    }

    @Test
    void aPlatformAdminEndsAnyStory() {
        fixture.given(afterOneTurn())
                .when(new EndStory(STORY_ID, PLATFORM_ADMIN))
                .expectEvents(new StoryEnded(STORY_ID, PLATFORM_ADMIN.userId()));
    }

    @Test
    void theOwnerMayEndTheStoryWhileANarrationIsPending() {
        fixture.given(afterOneTurn(acted("a2", "I leave.")))
                .when(new EndStory(STORY_ID, OWNER))
                .expectEvents(new StoryEnded(STORY_ID, OWNER.userId()));
    }

    @Test
    void theWorldsOwnerMayNotEndAPlayersStory() {
        fixture.given(afterOneTurn())
                .when(new EndStory(STORY_ID, WORLD_OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-owner"));
    }

    @Test
    void anInvitedParticipantMayNotEndTheStory() {
        fixture.given(afterOneTurn(invited(FRIEND)))
                .when(new EndStory(STORY_ID, FRIEND))
                .expectNoEvents()
                .expectException(Rejected.forbidden("story-owner"));
    }

    @Test
    void theEndIsCalledBySomeone() {
        fixture.given(afterOneTurn())
                .when(new EndStory(STORY_ID, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }

    static Stream<Object> everyStoryCommand() {
        return Stream.of(
                new EndStory(STORY_ID, OWNER),
                new EndStory(STORY_ID, PLATFORM_ADMIN),
                new InviteParticipant(STORY_ID, FRIEND.userId(), OWNER),
                new SubmitPlayerAction(STORY_ID, "a2", "One more thing.", OWNER),
                new RetryNarration(STORY_ID, "r1", OWNER),
                new SelectNarrationAlternative(STORY_ID, "n1", 0, OWNER),
                new EditBeat(STORY_ID, "n1", "Another ending.", OWNER),
                new EraseBeats(STORY_ID, "n1", OWNER),
                new RateBeat(STORY_ID, "n1", 5, OWNER),
                new SetAuthorsNote(STORY_ID, "Epilogue.", OWNER),
                new SetPinnedMemory(STORY_ID, "It ended.", OWNER),
                new SubmitPlayerAction(STORY_ID, "a2", "Let me in.", OUTSIDER),
                new RetryNarration(STORY_ID, "r1", Actor.system()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyStoryCommand")
    void anEndedStoryRejectsEveryCommandOfItsPlayers(Object command) {
        fixture.given(afterOneTurn(new StoryEnded(STORY_ID, OWNER.userId())))
                .when(command)
                .expectNoEvents()
                .expectException(Rejected.conflict("storyId", "active"));
    }
}
