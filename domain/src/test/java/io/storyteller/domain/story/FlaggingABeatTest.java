package io.storyteller.domain.story;

import static io.storyteller.domain.story.StoryExamples.OWNER;
import static io.storyteller.domain.story.StoryExamples.PLATFORM_ADMIN;
import static io.storyteller.domain.story.StoryExamples.STORY_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_ID;
import static io.storyteller.domain.story.StoryExamples.WORLD_OWNER;
import static io.storyteller.domain.story.StoryExamples.afterOneTurn;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldRole;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * World admins and platform admins label beats for the guardrail. The flag names the beat; the text
 * it judged is the beat's as its own events left it, which the flag's consumers fold.
 */
class FlaggingABeatTest {

    private static final Actor WORLD_ADMIN = new Actor("wes", Set.of(PlatformRole.PLAYER));
    private static final List<HarmCategory> VIOLENCE = List.of(HarmCategory.VIOLENCE);

    private FixtureConfiguration<Story> fixture;

    @BeforeEach
    void setUp() {
        WorldsOnRecord worlds = StoryExamples.worlds()
                .record(WORLD_ID, new WorldMemberAdded(WORLD_ID, WORLD_ADMIN.userId(), WorldRole.ADMIN, WORLD_OWNER.userId()));
        AggregateTestFixture<Story> story = new AggregateTestFixture<>(Story.class);
        story.registerAnnotatedCommandHandler(new BeatModeration(worlds.repository(), story.getRepository()));
        fixture = story;
    }

    @Test
    void aWorldOwnerFlagsANarration() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 2, false, WORLD_OWNER))
                .expectEvents(new BeatFlagged(STORY_ID, WORLD_ID, "n1", BeatKind.NARRATION, null,
                        VIOLENCE, 2, false, WORLD_OWNER.userId()));
    }

    @Test
    void aWorldAdminFlagsAPlayerActionAsARealWorldCase() {
        List<HarmCategory> both = List.of(HarmCategory.ILLEGAL, HarmCategory.VIOLENCE);
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "a1", both, 3, true, WORLD_ADMIN))
                .expectEvents(new BeatFlagged(STORY_ID, WORLD_ID, "a1", BeatKind.PLAYER_ACTION, null,
                        both, 3, true, WORLD_ADMIN.userId()));
    }

    @Test
    void aPlatformAdminClearsAFalseAlarmWithSeverityZero() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", List.of(), 0, false, PLATFORM_ADMIN))
                .expectEvents(new BeatFlagged(STORY_ID, WORLD_ID, "n1", BeatKind.NARRATION, null,
                        List.of(), 0, false, PLATFORM_ADMIN.userId()));
    }

    @Test
    void anEditedBeatIsFlaggedLikeAnyOther() {
        fixture.given(afterOneTurn(new BeatEdited(STORY_ID, "n1", "The sea answers.", "The sea roars.", OWNER.userId())))
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 1, false, WORLD_OWNER))
                .expectEvents(new BeatFlagged(STORY_ID, WORLD_ID, "n1", BeatKind.NARRATION, null,
                        VIOLENCE, 1, false, WORLD_OWNER.userId()));
    }

    @Test
    void thePlayersOfTheStoryDoNotFlag() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 2, false, OWNER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:world-admin"));
    }

    @Test
    void categoriesAreNamedExactlyWhenTheSeverityIsAboveZero() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", List.of(), 2, false, WORLD_OWNER))
                .expectException(Rejected.invalid("categories", "benign-iff-severity-0"));
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 0, false, WORLD_OWNER))
                .expectException(Rejected.invalid("categories", "benign-iff-severity-0"));
    }

    @Test
    void theSeverityLiesBetweenZeroAndThree() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 4, false, WORLD_OWNER))
                .expectException(Rejected.invalid("severity", "range:0..3"));
    }

    @Test
    void onlyASevereFlagIsARealWorldCase() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n1", VIOLENCE, 2, true, WORLD_OWNER))
                .expectException(Rejected.invalid("realWorld", "severity-3"));
    }

    @Test
    void anUnknownBeatIsNotFound() {
        fixture.given(afterOneTurn())
                .when(new FlagBeat(STORY_ID, "n9", VIOLENCE, 2, false, WORLD_OWNER))
                .expectException(Rejected.notFound("beatId"));
    }
}
