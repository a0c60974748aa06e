package io.storyteller.domain.story;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldArchived;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldMemberAdded;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The cast and facts the story specifications share. World w1 is owned by wanda, with olivia and
 * bruno as players; w-old is archived. Story s1 is olivia's, in w1.
 */
final class StoryExamples {

    static final String STORY_ID = "s1";
    static final String WORLD_ID = "w1";
    static final String ARCHIVED_WORLD_ID = "w-old";
    static final String TITLE = "The Sunken Bell";

    static final Actor WORLD_OWNER = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));
    static final Actor OWNER = new Actor("olivia", Set.of(PlatformRole.PLAYER));
    /** A member of w1; a participant of s1 only once invited. */
    static final Actor FRIEND = new Actor("bruno", Set.of(PlatformRole.PLAYER));
    /** Not a member of any world. */
    static final Actor OUTSIDER = new Actor("mallory", Set.of(PlatformRole.PLAYER));
    static final Actor PLATFORM_ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));

    static final NarrationProvenance PROVENANCE = new NarrationProvenance("narrator-large", "2025-06",
            "sha256:0f1e", List.of("lore-gate"), 1200, 900, 150);

    private StoryExamples() {
    }

    /** w1 and w-old as described above. */
    static WorldsOnRecord worlds() {
        WorldSettings settings = new WorldSettings("Ashfall", "A city inside a volcano.", "fantasy", "grim",
                ContentRating.TEEN, "");
        return new WorldsOnRecord()
                .record(WORLD_ID, new WorldCreated(WORLD_ID, settings, WORLD_OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, WORLD_OWNER.userId(), WorldRole.OWNER, WORLD_OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, OWNER.userId(), WorldRole.PLAYER, WORLD_OWNER.userId()),
                        new WorldMemberAdded(WORLD_ID, FRIEND.userId(), WorldRole.PLAYER, WORLD_OWNER.userId()))
                .record(ARCHIVED_WORLD_ID, new WorldCreated(ARCHIVED_WORLD_ID, settings, WORLD_OWNER.userId()),
                        new WorldMemberAdded(ARCHIVED_WORLD_ID, WORLD_OWNER.userId(), WorldRole.OWNER, WORLD_OWNER.userId()),
                        new WorldMemberAdded(ARCHIVED_WORLD_ID, OWNER.userId(), WorldRole.PLAYER, WORLD_OWNER.userId()),
                        new WorldArchived(ARCHIVED_WORLD_ID, WORLD_OWNER.userId()));
    }

    /** A Story fixture whose admission consults {@code worlds}, as the application wires it. */
    static FixtureConfiguration<Story> fixture(WorldsOnRecord worlds) {
        AggregateTestFixture<Story> fixture = new AggregateTestFixture<>(Story.class);
        fixture.registerAnnotatedCommandHandler(new StoryAdmission(worlds.repository(), fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new StoryFactCuration(worlds.repository(), fixture.getRepository()));
        return fixture;
    }

    static FixtureConfiguration<Story> fixture() {
        return fixture(worlds());
    }

    /** s1 as olivia started it; then {@code more}. */
    static List<Object> started(Object... more) {
        List<Object> events = new ArrayList<>(List.of(new StoryStarted(STORY_ID, WORLD_ID, TITLE, OWNER.userId())));
        events.addAll(List.of(more));
        return events;
    }

    /** s1 after one turn: olivia's action a1, narrated as n1. */
    static List<Object> afterOneTurn(Object... more) {
        List<Object> events = started(acted("a1", "I ring the bell."), narrated("a1", "n1", "The sea answers."));
        events.addAll(List.of(more));
        return events;
    }

    static ParticipantInvited invited(Actor who) {
        return new ParticipantInvited(STORY_ID, who.userId(), OWNER.userId());
    }

    static PlayerActionSubmitted acted(String beatId, String text) {
        return acted(OWNER, beatId, text);
    }

    static PlayerActionSubmitted acted(Actor player, String beatId, String text) {
        return new PlayerActionSubmitted(STORY_ID, WORLD_ID, beatId, player.userId(), text);
    }

    /** The narration that answers an action: its request id is the action's beat id. */
    static NarrationRecorded narrated(String actionBeatId, String narrationBeatId, String text) {
        return new NarrationRecorded(STORY_ID, WORLD_ID, actionBeatId, actionBeatId, narrationBeatId, 0, text, PROVENANCE);
    }

    static NarrationRetryRequested retryRequested(String requestId, String actionBeatId, String narrationBeatId) {
        return new NarrationRetryRequested(STORY_ID, WORLD_ID, requestId, actionBeatId, narrationBeatId, OWNER.userId());
    }

    static NarrationRecorded renarrated(String requestId, String actionBeatId, String narrationBeatId, int index,
            String text) {
        return new NarrationRecorded(STORY_ID, WORLD_ID, requestId, actionBeatId, narrationBeatId, index, text, PROVENANCE);
    }

    static NarrationFailed failed(String requestId, String actionBeatId) {
        return new NarrationFailed(STORY_ID, requestId, actionBeatId, "narrator timed out", "narrator-large");
    }
}
