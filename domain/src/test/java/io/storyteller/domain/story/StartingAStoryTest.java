package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.ARCHIVED_WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.OUTSIDER;
import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.TITLE;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;

import io.storyteller.domain.shared.Rejected;
import io.storyteller.domain.world.WorldMemberRemoved;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartingAStoryTest {

    private WorldsOnRecord worlds;
    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        worlds = StoryExamples.worlds();
        fixture = StoryExamples.fixture(worlds);
    }

    @Test
    void aMemberOfTheWorldStartsAStoryAndOwnsIt() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, OWNER))
                .expectEvents(new StoryStarted(STORY_ID, WORLD_ID, TITLE, OWNER.userId()))
                .expectResultMessagePayload(STORY_ID);
    }

    @Test
    void theWorldsOwnerStartsAStoryToo() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, WORLD_OWNER))
                .expectEvents(new StoryStarted(STORY_ID, WORLD_ID, TITLE, WORLD_OWNER.userId()));
    }

    @Test
    void idsAndTitleAreStoredTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(" s1 ", " w1", "  The Sunken Bell ", OWNER))
                .expectEvents(new StoryStarted(STORY_ID, WORLD_ID, TITLE, OWNER.userId()))
                .expectResultMessagePayload(STORY_ID);
    }

    @Test
    void aNonMemberMayNotStartAStoryInTheWorld() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, OUTSIDER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("world-member"));
    }

    @Test
    void aPlatformAdminPlaysOnlyInWorldsTheyBelongTo() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, PLATFORM_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("world-member"));
    }

    @Test
    void aMemberRemovedFromTheWorldMayNoLongerStartStories() {
        worlds.record(WORLD_ID, new WorldMemberRemoved(WORLD_ID, OWNER.userId(), WORLD_OWNER.userId()));
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("world-member"));
    }

    @Test
    void noStoryStartsInAnArchivedWorld() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, ARCHIVED_WORLD_ID, TITLE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.conflict("worldId", "not-archived"));
    }

    @Test
    void noStoryStartsInAnUnknownWorld() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, "w-nowhere", TITLE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.notFound("worldId"));
    }

    @Test
    void aStoryNeedsATitle() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, "  ", OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("title", "required"));
    }

    @Test
    void aTitleHoldsAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, "t".repeat(201), OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("title", "max-length:200"));
    }

    @Test
    void aStoryNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new StartStory("", WORLD_ID, TITLE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("storyId", "required"));
    }

    @Test
    void aStoryIsStartedInAWorld() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, null, TITLE, OWNER))
                .expectNoEvents()
                .expectException(Rejected.invalid("worldId", "required"));
    }

    @Test
    void aStoryIsStartedBySomeone() {
        fixture.givenNoPriorActivity()
                .when(new StartStory(STORY_ID, WORLD_ID, TITLE, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
